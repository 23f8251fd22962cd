import BackCoachCore
import Foundation
import Testing

/// The morning after a session she is asked, on the Today page and through the API, whether her pain has settled.
@Suite("The next-morning question on every interface")
struct NextMorningRouteTests {
    @Test("Asked the day after a session, answered once, through the API")
    func api() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            let session = #"{"date":"2026-11-25","exercises":[{"id":"glute-bridge","completed":true,"difficulty":"right","painDuring":2}]}"#
            #expect(try await app.request(.post, "/api/v1/me/sessions", token: token, json: session).status == .created)
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["nextMorningFor"] == nil, "not the same day")
            let early = try await app.request(.post, "/api/v1/me/next-morning", token: token, json: #"{"answer":"settled"}"#)
            #expect(early.status == .conflict && early.detail.contains("tomorrow morning"))

            app.clock.advance(seconds: 24 * 3600)
            let today = try await app.request(.get, "/api/v1/me/today", token: token)
            expectMatchesSchema(today, "GET", "/api/v1/me/today")
            #expect(try today.object()["nextMorningFor"] as? String == "2026-11-25")
            #expect(
                try await app.request(.post, "/api/v1/me/next-morning", token: token, json: #"{"answer":"maybe"}"#).status == .badRequest)
            let answered = try await app.request(.post, "/api/v1/me/next-morning", token: token, json: #"{"answer":"settled"}"#)
            expectMatchesSchema(answered, "POST", "/api/v1/me/next-morning")
            let decision = try #require((try answered.object()["decisions"] as? [[String: Any]])?.first)
            #expect(decision["exerciseID"] as? String == "glute-bridge" && decision["rule"] as? String == "5.2-6")
            let again = try await app.request(.post, "/api/v1/me/next-morning", token: token, json: #"{"answer":"notSettled"}"#)
            #expect(again.status == .conflict, "answered once; a second answer changes nothing")
            // The answer is kept beside the session, so her export (and her physio) see it.
            let csv = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
            let row = try #require(csv.split(separator: "\r\n").first { $0.contains("glute-bridge") || $0.contains("Glute bridge") })
            #expect(row.contains(",settled,"), "\(row)")
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["nextMorningFor"] == nil)
        }
    }

    @Test("The question lapses after 2 days: Today stops asking and a late answer is refused, changing nothing")
    func lapses() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            let session = #"{"date":"2026-11-25","exercises":[{"id":"glute-bridge","completed":true,"difficulty":"right","painDuring":2}]}"#
            #expect(try await app.request(.post, "/api/v1/me/sessions", token: token, json: session).status == .created)
            app.clock.advance(seconds: 2 * 86_400)
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["nextMorningFor"] as? String == "2026-11-25")
            app.clock.advance(seconds: 86_400)
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["nextMorningFor"] == nil)
            let late = try await app.request(.post, "/api/v1/me/next-morning", token: token, json: #"{"answer":"settled"}"#)
            #expect(late.status == .conflict && late.detail.contains("too late"))
        }
    }

    @Test("The Today page asks it with one tap, and a double tap is harmless")
    func page() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            try await browser.get("/session")
            let done = try await browser.post("/session", [("exercise", "clams"), ("done.0", "yes"), ("pain.0", "2")])
            #expect(done.status == .ok || done.status == .seeOther)
            #expect(!(try await browser.get("/today").text.contains("How is your pain this morning?")))
            app.clock.advance(seconds: 24 * 3600)
            let next = try await browser.get("/today").text
            #expect(next.contains("How is your pain this morning?") && next.contains(#"action="/today/next-morning""#))
            let saved = try await browser.post("/today/next-morning", [("answer", "notSettled")])
            #expect(saved.headers[.location] == "/today?morning=notSettled")
            // Answered already: the second tap changes nothing and says nothing new.
            #expect(try await browser.post("/today/next-morning", [("answer", "settled")]).headers[.location] == "/today")
            let after = try await browser.get("/today?morning=notSettled").text
            #expect(after.contains("Your exercises stay where they are for now"))
            #expect(!after.contains("How is your pain this morning?"))
        }
    }
}

@Suite("Progress verdicts don't change with the window she views")
struct ProgressWindowTests {
    @Test("The 7-day and the 90-day views say the same about her PSFS and pain")
    func sameVerdict() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            // PSFS on day 1 of her history, pain every day for three weeks, PSFS again at the end.
            for back in (0..<21).reversed() {
                let date = LocalDate("2026-11-25")!.adding(days: -back)
                let psfs =
                    back == 20
                    ? #","psfs":[{"activity":"Lifting the baby","score":2}]"#
                    : (back == 0 ? #","psfs":[{"activity":"Lifting the baby","score":7}]"# : "")
                let body = #"{"pain":\#(back > 13 ? 6 : 3)\#(psfs)}"#
                _ = try await app.request(.put, "/api/v1/me/checkins/\(date)", token: token, json: body)
            }
            let week = try await app.request(.get, "/api/v1/me/progress?days=7", token: token).object()
            let quarter = try await app.request(.get, "/api/v1/me/progress?days=90", token: token).object()
            #expect(week["messages"] as? [String] == quarter["messages"] as? [String])
            #expect(((week["psfsChange"] as? [String: Any])?["baseline"] as? Double) == 2)
        }
    }
}

@Suite("The next-morning answer, sent twice at once")
struct NextMorningRaceTests {
    @Test("Two answers at the same moment: one counts, the other is refused, on every store", arguments: StoreKind.available)
    func twice(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            let session = #"{"date":"2026-11-25","exercises":[{"id":"glute-bridge","completed":true,"difficulty":"right","painDuring":2}]}"#
            #expect(try await app.request(.post, "/api/v1/me/sessions", token: token, json: session).status == .created)
            app.clock.advance(seconds: 24 * 3600)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for answer in ["settled", "notSettled"] {
                    group.addTask {
                        Int(
                            try await app.request(.post, "/api/v1/me/next-morning", token: token, json: #"{"answer":"\#(answer)"}"#).status
                                .code)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.sorted() == [200, 409], "\(statuses)")
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["nextMorningFor"] == nil)
        }
    }
}
