import BackCoachCore
import Foundation
import Testing

/// "Today" is her date where she lives: an evening in New York is still the 25th, a morning in Kiritimati is
/// already the 26th, whatever the server's UTC date says.
@Suite("Her today, in her time zone")
struct LocalTodayTests {
    /// 2026-11-26 03:00 UTC: 22:00 on the 25th in New York, 17:00 on the 26th in Kiritimati (UTC+14).
    static let lateEvening: TimeInterval = 17 * 3600

    static func account(_ app: TestApp, zone: String?) async throws -> String {
        let token = try await app.onboardedUser()
        if let zone {
            let set = try await app.request(.put, "/api/v1/me/profile", token: token, json: #"{"timeZone":"\#(zone)"}"#)
            guard set.status == .ok else { throw TestFailure("time zone not saved: \(set.text)") }
        }
        return token
    }

    static func check(_ app: TestApp, _ token: String, on date: String) async throws -> Int {
        let body = #"{"date":"\#(date)","redFlags":[],"painAtRest":2,"painWorsening":false}"#
        return Int(try await app.request(.post, "/api/v1/me/screens", token: token, json: body).status.code)
    }

    @Test("Today, checks, check-ins and sessions follow her zone; tomorrow where she lives is refused")
    func zones() async throws {
        try await TestApp.run { app in
            app.clock.advance(seconds: Self.lateEvening)
            let newYork = try await Self.account(app, zone: "America/New_York")
            #expect(try await app.request(.get, "/api/v1/me/today", token: newYork).object()["date"] as? String == "2026-11-25")
            #expect(try await Self.check(app, newYork, on: "2026-11-26") == 400, "the UTC date is tomorrow for her")
            #expect(try await Self.check(app, newYork, on: "2026-11-24") == 201, "yesterday is allowed")
            #expect(try await Self.check(app, newYork, on: "2026-11-25") == 201)
            let checkin = try await app.request(.put, "/api/v1/me/checkins/2026-11-26", token: newYork, json: #"{"pain":3}"#)
            #expect(checkin.status == .badRequest, "no check-in for a day that hasn't started where she is")
            let session = { (date: String) in #"{"date":"\#(date)","exercises":[{"id":"clams","completed":true}]}"# }
            let early = try await app.request(.post, "/api/v1/me/sessions", token: newYork, json: session("2026-11-26"))
            #expect(early.status == .badRequest, "a session can't be filed on a day that hasn't started where she is")
            #expect(try await app.request(.post, "/api/v1/me/sessions", token: newYork, json: session("2026-11-25")).status == .created)

            let kiritimati = try await Self.account(app, zone: "Pacific/Kiritimati")
            #expect(try await app.request(.get, "/api/v1/me/today", token: kiritimati).object()["date"] as? String == "2026-11-26")
            #expect(try await Self.check(app, kiritimati, on: "2026-11-27") == 400)
            #expect(try await Self.check(app, kiritimati, on: "2026-11-26") == 201)

            // No zone yet: any date that is today somewhere is taken, and nothing further.
            let unknown = try await Self.account(app, zone: nil)
            #expect(try await Self.check(app, unknown, on: "2026-11-27") == 201)
            #expect(try await Self.check(app, unknown, on: "2026-11-28") == 400)
        }
    }

    @Test("The Today page shows her date, not the server's")
    func page() async throws {
        try await TestApp.run { app in
            app.clock.advance(seconds: Self.lateEvening)
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            #expect(try await browser.get("/today").text.contains("Thursday 26 November"), "no zone: the server's date")
            try await browser.get("/settings")
            try await browser.post("/settings/place", [("country", "US"), ("timeZone", "America/Los_Angeles")])
            #expect(try await browser.get("/today").text.contains("Wednesday 25 November"))
        }
    }

    @Test("Daylight saving: the date turns at her midnight on both sides of the change")
    func daylightSaving() {
        let london = TimeZone(identifier: "Europe/London")!
        // 2026-03-29 01:00 UTC the clocks go forward: 23:30 UTC on the 28th is still the 28th in London,
        // 23:30 UTC on the 29th is already the 30th (00:30 BST).
        let before = ISO8601DateFormatter().date(from: "2026-03-28T23:30:00Z")!
        let after = ISO8601DateFormatter().date(from: "2026-03-29T23:30:00Z")!
        #expect(LocalDate(before, in: london).description == "2026-03-28")
        #expect(LocalDate(after, in: london).description == "2026-03-30")
    }
}
