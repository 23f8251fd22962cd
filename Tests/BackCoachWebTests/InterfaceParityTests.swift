import BackCoachServices
import Foundation
import Testing

/// The same operation through the API and the web pages: the same stored result, and the same refusal, in the
/// same words, for the same bad input. (The CLI's side of sign-up is in BackCoachCLITests.)
@Suite("One rule on every interface")
struct InterfaceParityTests {
    static let badCredentials: [(String, String)] = [
        ("mum@example.test", "short"), ("not-an-email", "0123456789"), ("", "0123456789"), ("mum@example.test", ""),
        ("mum@example.test", "ten chars\u{0}and more"),
    ]

    @Test("Sign-up: the API and the form refuse the same input with the service's message", arguments: badCredentials)
    func signUpRefusals(email: String, password: String) async throws {
        let expected = try #require(Self.refusal(email: email, password: password))
        try await TestApp.run { app in
            let json = try String(decoding: JSONSerialization.data(withJSONObject: ["email": email, "password": password]), as: UTF8.self)
            let api = try await app.request(.post, "/api/v1/accounts", json: json)
            #expect(api.status == .badRequest && api.detail == expected)
            let browser = Browser(app)
            try await browser.get("/signup")
            let page = try await browser.post("/signup", [("email", email), ("password", password)])
            #expect(page.status == .badRequest)
            #expect(page.text.contains(Self.htmlEscaped(expected)), "\(expected)")
        }
    }

    static func refusal(email: String, password: String) -> String? {
        do {
            _ = try AccountService.validate(email: email, password: password, checkStrength: true)
            return nil
        } catch {
            return error.message
        }
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "<", with: "&lt;")
    }

    @Test("A session without today's clear safety check: the API answers 409, the page sends her to the check; nothing is stored")
    func sessionNeedsCheck() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let body = #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#
            let api = try await app.request(.post, "/api/v1/me/sessions", token: token, json: body)
            #expect(api.status == .conflict && api.detail.contains("safety check"))

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            #expect(try await browser.get("/session").headers[.location] == "/today")
            try await browser.get("/today")
            let page = try await browser.post("/session", [("exercise", "clams"), ("done.0", "on")])
            #expect(page.status == .conflict && page.text.contains("safety check") && page.text.contains("<h1>Today</h1>"))
            #expect(try await browser.get("/settings/export.csv").text.components(separatedBy: "\r\n").count == 2, "header only")
            #expect(try await app.request(.get, "/api/v1/me/export.csv", token: token).text.components(separatedBy: "\r\n").count == 2)
        }
    }

    @Test("A stop holds for the rest of the day on both interfaces, whatever a later check says")
    func stopHoldsForTheDay() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            _ = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-25","redFlags":["RF-07"],"painAtRest":2,"painWorsening":false}"#)
            let sameDay = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-25","redFlags":[],"painAtRest":2,"painWorsening":false,"seen":true}"#)
            #expect(sameDay.status == .conflict && sameDay.detail.contains("rest of today"), "refused, even with seen")
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["status"] as? String == "paused")
            let body = #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#
            #expect(try await app.request(.post, "/api/v1/me/sessions", token: token, json: body).status == .conflict)

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/today")
            try await browser.post("/today/screen", browser.screenAnswers(yes: ["RF-07"]))
            try await browser.clearScreen()
            #expect(try await browser.get("/session").headers[.location] == "/today")
            let pausedToday = try await browser.get("/today").text
            #expect(pausedToday.contains("paused") && pausedToday.contains("You can do a new check tomorrow"))
            #expect(!pausedToday.contains(#"action="/today/screen""#), "no check offered again the same day")

            // The next day a clear check lets her go on, on both.
            app.clock.advance(seconds: 86_400)
            let unconfirmed = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-26","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
            #expect(unconfirmed.status == .conflict, "a clear answer alone does not end a pause from an earlier day")
            let confirmed = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-26","redFlags":[],"painAtRest":2,"painWorsening":false,"seen":true}"#)
            #expect(confirmed.status == .created)
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["status"] as? String != "paused")
            let paused = try await browser.get("/today").text
            #expect(
                paused.contains("I have been seen") && paused.contains(#"action="/today/screen""#), "the paused page offers the way back")
            try await browser.clearScreen()
            #expect(try await browser.get("/session").status == .ok)
        }
    }

    @Test("A safety check is for today: a date ahead is refused; the page only ever files today")
    func checkIsForToday() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let ahead = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-12-20","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
            #expect(ahead.status == .badRequest && ahead.detail.contains("for today"))
            let yesterday = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-24","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
            #expect(yesterday.status == .created, "yesterday's check can still be filed")
        }
    }

    @Test("The same session id twice logs one session and answers the first result; a different one logs another")
    func sessionRetry() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            let id = UUID().uuidString
            let body = #"{"id":"\#(id)","date":"2026-11-25","exercises":[{"id":"glute-bridge","completed":true,"painDuring":1}]}"#
            let first = try await app.request(.post, "/api/v1/me/sessions", token: token, json: body)
            #expect(first.status == .created)
            let program = try await app.request(.get, "/api/v1/me/program", token: token).text
            let again = try await app.request(.post, "/api/v1/me/sessions", token: token, json: body)
            #expect(again.status == .ok)
            expectMatchesSchema(again, "POST", "/api/v1/me/sessions")
            #expect((try again.object()["decisions"] as? [Any])?.count == (try first.object()["decisions"] as? [Any])?.count)
            #expect(try await app.request(.get, "/api/v1/me/program", token: token).text == program, "a retry changes nothing")
            let csv = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
            #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("session,") }.count == 1)

            let other = try await app.onboardedUser()
            try await app.clearSafetyCheck(other)
            #expect(try await app.request(.post, "/api/v1/me/sessions", token: other, json: body).status == .conflict)
        }
    }

    @Test("Timestamps in JSON are RFC 3339")
    func timestamps() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let saved = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3}"#).object()
            #expect(saved["updatedAt"] as? String == "2026-11-25T10:00:00Z")
        }
    }
}

@Suite("Daily pain as a gate (RF-16)")
struct DailyPainGateTests {
    static let screens: [(String, Int)] = [
        (#"{"date":"2026-11-25","redFlags":[],"painAtRest":7,"painWorsening":false}"#, 201),
        (#"{"date":"2026-11-25","redFlags":[],"painAtRest":1,"painWorsening":true}"#, 201),
        (#"{"date":"2026-11-25","redFlags":[]}"#, 400),
        (#"{"date":"2026-11-25","redFlags":[],"painAtRest":11,"painWorsening":false}"#, 400),
        (#"{"date":"2026-11-25","redFlags":[],"painAtRest":3}"#, 400),
    ]

    @Test("Resting pain of 7 or more, or worse than last week, raises RF-16 and pauses; a missing answer is refused", arguments: screens)
    func restingPain(body: String, status: Int) async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let response = try await app.request(.post, "/api/v1/me/screens", token: token, json: body)
            #expect(Int(response.status.code) == status, "\(response.detail)")
            let today = try await app.request(.get, "/api/v1/me/today", token: token).object()
            if status == 201 {
                #expect(((try response.object()["flags"] as? [[String: Any]]) ?? []).contains { $0["id"] as? String == "RF-16" })
                #expect(today["status"] as? String == "paused")
            } else {
                #expect(today["status"] as? String != "paused", "a refused check changes nothing")
            }
        }
    }

    @Test("A check-in of 7 or more withholds that day's session on the API and the page")
    func checkinGate() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":8}"#)
            let today = try await app.request(.get, "/api/v1/me/today", token: token).object()
            #expect(today["status"] as? String == "withheld")
            let flags = ((today["triage"] as? [String: Any])?["flags"] as? [[String: Any]]) ?? []
            #expect(flags.contains { $0["id"] as? String == "RF-16" })
            let session = try await app.request(
                .post, "/api/v1/me/sessions", token: token, json: #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#)
            #expect(session.status == .conflict && session.detail.contains("7 out of 10"))

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            try await browser.post("/checkin", [("pain", "9")])
            let page = try await browser.get("/today").text
            #expect(page.contains("No exercise plan for now") && page.contains("9 out of 10"))
        }
    }
}
