import Foundation
import Testing

/// The plan moves on with time: the weeks since the birth are counted from her birth date to the day in question.
@Suite("Birth date and time")
struct BirthDateTests {
    /// 4 weeks before the test clock's 2026-11-25.
    static let intake = """
        {"birthDate": "2026-10-28", "delivery": "caesarean", "clinicianCleared": true, "painAtRest": 2, "painAreas": ["lowBack"],
         "minutesPerDay": 10, "daysPerWeek": 4, "equipment": []}
        """

    static func program(_ app: TestApp, _ token: String, on date: String? = nil) async throws -> [String: Any] {
        let response = try await app.request(.get, "/api/v1/me/program" + (date.map { "?date=\($0)" } ?? ""), token: token)
        expectMatchesSchema(response, "GET", "/api/v1/me/program")
        return try #require(try response.object()["program"] as? [String: Any])
    }

    @Test("A birth date gives the weeks on every day: the first-6-weeks limit and the caesarean note move on by themselves")
    func movesOn() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser(intake: Self.intake)
            let now = try await Self.program(app, token)
            #expect(now["painCeiling"] as? Int == 3, "4 weeks after a caesarean: the cautious limit")
            let later = try await Self.program(app, token, on: "2027-03-01")
            #expect(later["painCeiling"] as? Int == 5, "18 weeks after: the standard limit")
            // The caesarean note of the first 16 weeks (CTX-2) goes once that time has passed.
            let notes = { (program: [String: Any]) in ((program["notes"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } }
            #expect(notes(now).contains("caesarean") && !notes(later).contains("caesarean"), "\(notes(now)) then \(notes(later))")
            #expect(try await app.request(.get, "/api/v1/me/profile", token: token).object()["birthDate"] as? String == "2026-10-28")
        }
    }

    @Test("Weeks alone become an estimated birth date; a birth date after today or none at all is refused")
    func estimatedAndRefused() async throws {
        try await TestApp.run { app in
            let weeks = try await app.onboardedUser()  // Samples.intake: 8 weeks
            #expect(try await app.request(.get, "/api/v1/me/profile", token: weeks).object()["birthDate"] as? String == "2026-09-30")
            let token = try await app.signUp()
            let future = Self.intake.replacingOccurrences(of: "2026-10-28", with: "2026-12-01")
            let refused = try await app.request(.put, "/api/v1/me/intake", token: token, json: future)
            #expect(refused.status == .badRequest && refused.detail.contains("after today"))
            let neither = Self.intake.replacingOccurrences(of: #""birthDate": "2026-10-28", "#, with: "")
            let missing = try await app.request(.put, "/api/v1/me/intake", token: token, json: neither)
            #expect(missing.status == .badRequest && missing.detail.contains("birthDate"))
            #expect(try await app.request(.get, "/api/v1/me/program", token: token).status == .notFound, "nothing was stored")
        }
    }

    @Test("The emergency script names the day of the birth")
    func script() async throws {
        try await TestApp.run { app in
            let urgent = Self.intake.replacingOccurrences(of: #""equipment": []"#, with: #""equipment": [], "redFlags": ["RF-02"]"#)
            let token = try await app.onboardedUser(intake: urgent)
            let triage = try #require(try await app.request(.get, "/api/v1/me/program", token: token).object()["triage"] as? [String: Any])
            let action = try #require(triage["action"] as? String)
            #expect(action.contains("I had a baby on 28 October 2026") && !action.contains("[date]"), "\(action)")
        }
    }

    @Test("The wizard asks the date first; without it, the weeks")
    func wizard() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let first = try await browser.signUp(email: "date@example.test")
            let safety = Browser.noToSafety(on: first)
            let second = try await browser.submit("/start", [("step", "0"), ("nav", "next")] + safety).text
            let allSafety = safety + Browser.noToSafety(on: second)
            let birth = try await browser.submit("/start", [("step", "1"), ("nav", "next")] + allSafety).text
            #expect(birth.contains(#"type="date""#) && birth.contains(#"name="q.birthDate""#))
            let neither = try await browser.submit(
                "/start", [("step", "2"), ("nav", "next"), ("q.delivery", "vaginal"), ("q.clinicianCleared", "yes")] + allSafety)
            #expect(neither.text.contains("how many weeks ago"))
            let rest: [(String, String)] = [
                ("q.birthDate", "2026-09-01"), ("q.delivery", "vaginal"), ("q.clinicianCleared", "yes"), ("q.painAtRest", "3"),
                ("q.painWorsening", "no"), ("q.breastfeeding", "no"), ("q.minutesPerDay", "10"), ("q.daysPerWeek", "4"),
            ]
            let done = try await browser.post("/start", [("step", "7"), ("nav", "next")] + allSafety + rest)
            #expect(done.headers[.location] == "/plan", "\(done.status) \(done.text.prefix(300))")
        }
    }
}

@Suite("The birth date through the profile")
struct ProfileBirthDateTests {
    @Test("PUT /api/v1/me/profile corrects the birth date; a future one or one before the intake is refused")
    func correct() async throws {
        try await TestApp.run { app in
            let fresh = try await app.signUp()
            #expect(
                try await app.request(.put, "/api/v1/me/profile", token: fresh, json: #"{"birthDate":"2026-10-01"}"#).status == .notFound)
            let token = try await app.onboardedUser()
            let set = try await app.request(.put, "/api/v1/me/profile", token: token, json: #"{"birthDate":"2026-10-01"}"#)
            expectMatchesSchema(set, "PUT", "/api/v1/me/profile")
            #expect(try set.object()["birthDate"] as? String == "2026-10-01")
            let future = try await app.request(
                .put, "/api/v1/me/profile", token: token, json: #"{"birthDate":"2027-01-01","country":"GB"}"#)
            #expect(future.status == .badRequest)
            let after = try await app.request(.get, "/api/v1/me/profile", token: token).object()
            #expect(after["birthDate"] as? String == "2026-10-01" && after["country"] == nil, "nothing from the refused request")
        }
    }
}
