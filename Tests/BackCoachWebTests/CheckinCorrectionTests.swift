import Foundation
import Testing

/// Correcting a check-in never loses what she saved: the saved values come back into the form, for today and for
/// the day she picks, so saving again (even only a note) keeps her activities and scores.
@Suite("Correcting a check-in")
struct CheckinCorrectionTests {
    @Test("Saved pain, activities, scores and note come back; saving only a new note keeps the PSFS")
    func savingAgainKeepsPSFS() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            let saved = try await browser.post(
                "/checkin",
                [
                    ("date", Samples.today), ("pain", "4"), ("activity.0", "Lifting baby"), ("score.0", "5"), ("activity.1", "Walking"),
                    ("score.1", "7"), ("note", "First try"),
                ])
            #expect(saved.status == .seeOther && saved.headers[.location] == "/checkin?date=\(Samples.today)&saved=1")
            let page = try await browser.get(saved.headers[.location]!).text
            #expect(page.contains("Saved. Thank you."))
            #expect(page.contains(#"id="pain-4" name="pain" value="4" checked"#))
            #expect(
                page.contains(#"name="activity.0" value="Lifting baby""#)
                    && page.contains(#"name="score.0" type="number" inputmode="numeric" min="0" max="10" value="5""#))
            #expect(page.contains(#"value="7""#) && page.contains("First try"))
            #expect(page.contains("You checked in for this day already"))

            // Send the form back as the browser would, with only the note changed.
            let fields = Self.formFields(in: page).map { $0.0 == "note" ? ($0.0, "Second try") : $0 }
            #expect(try await browser.post("/checkin", fields).status == .seeOther)
            let csv = try await browser.get("/settings/export.csv").text
            #expect(csv.contains("Lifting baby") && csv.contains("Walking") && csv.contains("Second try"))
            #expect(!csv.contains("First try"))
        }
    }

    @Test("Picking yesterday shows yesterday's values, not today's, and saves to yesterday")
    func pickedDay() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            try await browser.post("/checkin", [("date", Samples.today), ("pain", "6"), ("note", "note for today")])
            let yesterday = try await browser.get("/checkin?date=2026-11-24").text
            #expect(!yesterday.contains("note for today") && !yesterday.contains("checked required"))
            #expect(yesterday.contains(#"<option value="2026-11-24" selected>"#))
            #expect(yesterday.contains(#"name="date" value="2026-11-24""#))
            try await browser.post("/checkin", [("date", "2026-11-24"), ("pain", "2"), ("note", "note for yesterday")])
            #expect(try await browser.get("/checkin?date=2026-11-24").text.contains("note for yesterday"))
            #expect(try await browser.get("/checkin").text.contains("note for today"), "today is untouched")
            // A day the form doesn't offer shows today instead.
            #expect(try await browser.get("/checkin?date=2026-10-01").text.contains("note for today"))
        }
    }

    @Test("A refused check-in keeps what she typed in the form")
    func refusedKeepsTyping() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            let refused = try await browser.post("/checkin", [("pain", "3"), ("activity.0", "Carrying the car seat"), ("note", "keep me")])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Give “Carrying the car seat” a score from 0 to 10."))
            #expect(refused.text.contains("keep me") && refused.text.contains(#"value="Carrying the car seat""#))
        }
    }

    @Test("Today knows she has checked in: the API says so, and the page stops reminding her")
    func todayKnows() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["checkedIn"] as? Bool == false)
            _ = try await app.request(.put, "/api/v1/me/checkins/\(Samples.today)", token: token, json: #"{"pain":3}"#)
            let today = try await app.request(.get, "/api/v1/me/today", token: token)
            expectMatchesSchema(today, "GET", "/api/v1/me/today")
            #expect(try today.object()["checkedIn"] as? Bool == true)

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            try await browser.post("/checkin", [("pain", "3")])
            let page = try await browser.get("/today").text
            #expect(!page.contains("Remember to"))
        }
    }

    /// The save form's fields as a browser would send them: hidden and text inputs, checked radios, the note.
    static func formFields(in page: String) -> [(String, String)] {
        guard let start = page.range(of: #"<form method="post" action="/checkin""#),
            let end = page.range(of: "</form>", range: start.upperBound..<page.endIndex)
        else { return [] }
        let form = String(page[start.lowerBound..<end.lowerBound])
        var fields: [(String, String)] = []
        for match in form.matches(of: /<input ([^>]*)>/) {
            let tag = String(match.output.1)
            guard let name = tag.firstMatch(of: /name="([^"]*)"/)?.output.1 else { continue }
            let value = tag.firstMatch(of: /value="([^"]*)"/).map { String($0.output.1) } ?? ""
            if tag.contains(#"type="radio""#) && !tag.contains("checked") { continue }
            if String(name) == "_csrf" { continue }
            fields.append((String(name), value.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")))
        }
        if let note = form.firstMatch(of: /<textarea[^>]*name="note"[^>]*>([^<]*)<\/textarea>/) {
            fields.append(("note", String(note.output.1)))
        }
        return fields
    }
}

/// A check-in kept on her phone offline and sent later carries when she wrote it: it never replaces a newer one.
@Suite("An offline check-in never overwrites a newer one")
struct StaleCheckinTests {
    @Test("Written before a save on another device: 409 with the reason, and the newer one stays")
    func newerWins() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            let writtenAt = String(Int(app.clock.now.timeIntervalSince1970 * 1000))
            app.clock.advance(seconds: 600)
            #expect(try await browser.post("/checkin", [("date", "2026-11-25"), ("pain", "5"), ("note", "laptop")]).status == .seeOther)
            try await browser.get("/checkin")
            let stale = try await browser.post("/checkin", [("date", "2026-11-25"), ("pain", "2"), ("writtenAt", writtenAt)])
            #expect(stale.status == .conflict && stale.text.contains("was saved on another device"))
            #expect(try await browser.get("/settings/export.csv").text.contains("checkin,2026-11-25,5,,laptop"))
        }
    }

    @Test("Every activity score left empty skips them this week; some empty asks for the rest and saves nothing")
    func skippingActivityScores() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            let first = [("pain", "4"), ("activity.0", "Lifting baby"), ("score.0", "5"), ("activity.1", "Walking"), ("score.1", "7")]
            #expect(try await browser.post("/checkin", first).status == .seeOther)
            // A week later the page names her activities again; she is tired and leaves both scores empty.
            app.clock.advance(seconds: 7 * 86_400)
            let page = try await browser.get("/checkin").text
            #expect(page.contains("Leave every score empty to skip this week."))
            #expect(page.contains(#"name="named.0" value="1""#) && page.contains(#"name="named.1" value="1""#))
            let named = [("named.0", "1"), ("named.1", "1")]
            let half =
                [("pain", "3"), ("activity.0", "Lifting baby"), ("score.0", "6"), ("activity.1", "Walking"), ("score.1", "")] + named
            let refused = try await browser.post("/checkin", half)
            #expect(refused.status == .badRequest && refused.text.contains("Give “Walking” a score from 0 to 10."))
            let skipped =
                [("pain", "3"), ("activity.0", "Lifting baby"), ("score.0", ""), ("activity.1", "Walking"), ("score.1", "")] + named
            #expect(try await browser.post("/checkin", skipped).status == .seeOther)
            let csv = try await browser.get("/settings/export.csv").text
            #expect(csv.contains("checkin,2026-12-02,3,,"), "saved with no activity scores: \(csv)")
        }
    }

    @Test("The API takes the same 'written at' and refuses the same, in the same words")
    func api() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let written = ISO8601DateFormatter().string(from: app.clock.now)
            app.clock.advance(seconds: 600)
            #expect(try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":5}"#).status == .created)
            let stale = try await app.request(
                .put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":2,"writtenAt":"\#(written)"}"#)
            #expect(stale.status == .conflict && stale.detail.contains("was saved on another device"))
            let later = ISO8601DateFormatter().string(from: app.clock.now)
            let fresh = try await app.request(
                .put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3,"writtenAt":"\#(later)"}"#)
            #expect(fresh.status == .ok)
            expectMatchesSchema(fresh, "PUT", "/api/v1/me/checkins/{date}")
        }
    }
}
