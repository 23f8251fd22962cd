import Foundation
import Testing

@Suite("Intake, program, today, safety checks and sessions")
struct ProgramRoutesTests {
    @Test("PUT intake returns the triage and the program")
    func intake() async throws {
        try await TestApp.run { app in
            let token = try await app.signUp()
            let response = try await app.request(.put, "/api/v1/me/intake", token: token, json: Samples.intake)
            #expect(response.status == .ok)
            expectMatchesSchema(response, "PUT", "/api/v1/me/intake")
            let object = try response.object()
            #expect((object["triage"] as? [String: Any])?["level"] as? String == "none")
            #expect(((object["program"] as? [String: Any])?["sessions"] as? [Any])?.count == 4)
            let program = try await app.request(.get, "/api/v1/me/program", token: token)
            #expect(program.status == .ok)
            expectMatchesSchema(program, "GET", "/api/v1/me/program")
        }
    }

    @Test("An emergency answer withholds the program and today says so")
    func emergency() async throws {
        try await TestApp.run { app in
            let token = try await app.signUp()
            let intake = Samples.intake.replacingOccurrences(of: #""painAtRest": 4"#, with: #""painAtRest": 4, "redFlags": ["RF-10"]"#)
            let response = try await app.request(.put, "/api/v1/me/intake", token: token, json: intake)
            let object = try response.object()
            #expect(object["program"] == nil, "left out while withheld")
            #expect((object["triage"] as? [String: Any])?["programAllowed"] as? Bool == false)
            expectMatchesSchema(response, "PUT", "/api/v1/me/intake")
            let today = try await app.request(.get, "/api/v1/me/today", token: token)
            #expect(try today.object()["status"] as? String == "withheld")
            expectMatchesSchema(today, "GET", "/api/v1/me/today")
            let session = try await app.request(
                .post, "/api/v1/me/sessions", token: token, json: #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#)
            #expect(session.status == .conflict)
        }
    }

    static let badIntakes: [(String, String)] = [
        (
            #"{"weeksSinceBirth": 900, "delivery": "vaginal", "painAtRest": 1, "minutesPerDay": 10, "daysPerWeek": 3}"#,
            "weeksSinceBirth must be a whole number from 0 to 520"
        ),
        (#"{"weeksSinceBirth": 9, "delivery": "vaginal", "painAtRest": 1, "minutesPerDay": 10}"#, "daysPerWeek is required"),
        (
            #"{"weeksSinceBirth": 9, "delivery": "vaginal", "painAtRest": 1, "minutesPerDay": 10, "daysPerWeek": 3, "redFlags": ["RF-99"]}"#,
            "redFlags must be one of"
        ),
        (
            #"{"weeksSinceBirth": 9, "delivery": "vaginal", "painAtRest": 1, "minutesPerDay": 10, "daysPerWeek": 3, "x": 1}"#,
            "unknown field \"x\""
        ),
    ]

    @Test("A bad intake gets 400 naming the field, and the saved intake is unchanged", arguments: badIntakes)
    func badIntake(body: String, detail: String) async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let before = try await app.request(.get, "/api/v1/me/program", token: token).text
            let response = try await app.request(.put, "/api/v1/me/intake", token: token, json: body)
            #expect(response.status == .badRequest)
            #expect(response.detail.hasPrefix(detail), "\(response.detail)")
            expectMatchesSchema(response, "PUT", "/api/v1/me/intake")
            #expect(try await app.request(.get, "/api/v1/me/program", token: token).text == before)
        }
    }

    @Test("Program and today before any intake → 404 with what to do")
    func noIntake() async throws {
        try await TestApp.run { app in
            let token = try await app.signUp()
            let response = try await app.request(.get, "/api/v1/me/today", token: token)
            #expect(response.status == .notFound)
            #expect(response.detail.contains("intake"))
            expectMatchesSchema(response, "GET", "/api/v1/me/today")
        }
    }

    @Test("Today: a session day needs the safety check first; after a clear check it doesn't; rest days have a tip")
    func today() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let first = try await app.request(.get, "/api/v1/me/today", token: token)
            let object = try first.object()
            #expect(object["status"] as? String == "session" && object["sessionNumber"] as? Int == 1)
            #expect(object["screenRequired"] as? Bool == true)
            expectMatchesSchema(first, "GET", "/api/v1/me/today")
            let screen = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-25","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
            #expect(screen.status == .created)
            expectMatchesSchema(screen, "POST", "/api/v1/me/screens")
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["screenRequired"] as? Bool == false)
            // 27 November is a rest day after a missed session: that session can be done then.
            let catchUp = try await app.request(.get, "/api/v1/me/today?date=2026-11-27", token: token).object()
            #expect(catchUp["status"] as? String == "session" && catchUp["sessionNumber"] as? Int == 2)
            #expect((catchUp["tip"] as? String)?.contains("missed yesterday's session") == true)
            // Two sessions a week (days 0 and 3): 27 November follows a rest day, so it is a plain rest day.
            let twice = try await app.onboardedUser(
                intake: Samples.intake.replacingOccurrences(of: #""daysPerWeek": 4"#, with: #""daysPerWeek": 2"#))
            let rest = try await app.request(.get, "/api/v1/me/today?date=2026-11-27", token: twice)
            #expect(try rest.object()["status"] as? String == "rest")
            #expect((try rest.object()["tip"] as? String)?.hasPrefix("Rest day.") == true)
            expectMatchesSchema(rest, "GET", "/api/v1/me/today")
        }
    }

    @Test("A missed session done on the rest day after it: Today says it is done, as on a session day")
    func catchUpDone() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            // 25 November is session 1; she misses 26 November's and does it on 27 November, a rest day.
            app.clock.advance(seconds: 2 * 86_400)
            try await browser.clearScreen()
            let before = try await browser.get("/today").text
            #expect(before.contains("missed yesterday"), "\(before.split(separator: "<h1>").last ?? "")")
            try await browser.get("/session")
            let done = try await browser.post("/session", [("exercise", "clams"), ("done.0", "yes"), ("pain.0", "2")])
            #expect(done.status == .ok || done.status == .seeOther)
            let page = try await browser.get("/today").text
            #expect(page.contains("Rest day") && page.contains("Session done today. Well done!"))
        }
    }

    static let badDates = ["2026-02-30", "tomorrow", "2026-1-1"]

    @Test("Today refuses dates that aren't real; any real date may be looked at", arguments: badDates)
    func badDate(date: String) async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let response = try await app.request(.get, "/api/v1/me/today?date=\(date)", token: token)
            #expect(response.status == .badRequest)
            #expect(response.detail.contains("date"))
            for farAway in ["2019-01-01", "2030-01-01"] {
                #expect(try await app.request(.get, "/api/v1/me/today?date=\(farAway)", token: token).status == .ok)
            }
        }
    }

    @Test("An urgent safety check pauses the program until a later clear one")
    func pause() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let urgent = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-25","redFlags":["RF-07"],"painAtRest":2,"painWorsening":false}"#)
            #expect(try urgent.object()["level"] as? String == "urgent")
            #expect(try await app.request(.get, "/api/v1/me/program", token: token).object()["paused"] as? Bool == true)
            let today = try await app.request(.get, "/api/v1/me/today", token: token)
            #expect(try today.object()["status"] as? String == "paused")
            expectMatchesSchema(today, "GET", "/api/v1/me/today")
            let blocked = try await app.request(
                .post, "/api/v1/me/sessions", token: token, json: #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#)
            #expect(blocked.status == .conflict)
            expectMatchesSchema(blocked, "POST", "/api/v1/me/sessions")
            let unconfirmed = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-26","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
            #expect(unconfirmed.status == .conflict && unconfirmed.detail.contains("Confirm"))
            _ = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-26","redFlags":[],"painAtRest":2,"painWorsening":false,"seen":true}"#)
            #expect(try await app.request(.get, "/api/v1/me/program", token: token).object()["paused"] as? Bool == false)
        }
    }

    static let badScreens: [(String, String)] = [
        (#"{"redFlags":[]}"#, "date is required"),
        (#"{"date":"2026-11-25"}"#, "redFlags is required"),
        (#"{"date":"2026-11-25","redFlags":["RF-77"],"painAtRest":1,"painWorsening":false}"#, "redFlags[0] (\"RF-77\") is not one of"),
        (#"{"date":"11/25/2026","redFlags":[],"painAtRest":1,"painWorsening":false}"#, "date must be a date like"),
        (#"{"date":"2026-11-25","redFlags":[]}"#, "painAtRest is required"),
    ]

    @Test("Bad safety checks get 400", arguments: badScreens)
    func badScreen(body: String, detail: String) async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let response = try await app.request(.post, "/api/v1/me/screens", token: token, json: body)
            #expect(response.status == .badRequest)
            #expect(response.detail.hasPrefix(detail), "\(response.detail)")
        }
    }

    @Test("Logging a session returns the progression decisions, on both stores", arguments: StoreKind.available)
    func session(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.onboardedUser()
            let body =
                #"{"date":"2026-11-25","exercises":[{"id":"glute-bridge","completed":true,"difficulty":"right","painDuring":2},{"id":"clams","completed":true,"symptoms":["pain"]}]}"#
            try await app.clearSafetyCheck(token)
            let response = try await app.request(.post, "/api/v1/me/sessions", token: token, json: body)
            #expect(response.status == .created)
            expectMatchesSchema(response, "POST", "/api/v1/me/sessions")
            let decisions = try #require(try response.object()["decisions"] as? [[String: Any]])
            #expect(decisions.map { $0["action"] as? String } == ["hold", "regress"])
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["completed"] as? Bool == true)
            // A second session the same day (another tab, another device) is refused: one a day, counted once (5.2-6).
            let again = try await app.request(
                .post, "/api/v1/me/sessions", token: token,
                json: #"{"date":"2026-11-25","exercises":[{"id":"glute-bridge","completed":true,"painDuring":1}]}"#)
            #expect(again.status == .conflict && again.detail.contains("already saved a session for 25 November 2026"))
        }
    }

    static let badSessions: [(String, String)] = [
        (#"{"date":"2026-11-25","exercises":[]}"#, "exercises must list 1 to 20"),
        (#"{"date":"2026-11-25","exercises":[{"id":"moonwalk","completed":true}]}"#, "exercises[0].id \"moonwalk\" is not an exercise"),
        (#"{"date":"2026-11-25","exercises":[{"id":"clams"}]}"#, "exercises[0].completed is required"),
        (
            #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true,"painDuring":12}]}"#,
            "exercises[0].painDuring must be a whole number from 0 to 10"
        ),
        (
            #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true,"symptoms":["cramp"]}]}"#,
            "exercises[0].symptoms must be one of"
        ),
        (
            #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true},{"id":"clams","completed":true}]}"#,
            "exercises[1].id \"clams\" is listed twice"
        ),
        (#"{"date":"2026-12-25","exercises":[{"id":"clams","completed":true}]}"#, "date is too far in the future"),
        (#"{"exercises":[{"id":"clams","completed":true}]}"#, "date is required"),
    ]

    @Test("Bad session logs get 400 naming the item and field, and change nothing", arguments: badSessions)
    func badSession(body: String, detail: String) async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let before = try await app.request(.get, "/api/v1/me/program", token: token).text
            let response = try await app.request(.post, "/api/v1/me/sessions", token: token, json: body)
            #expect(response.status == .badRequest)
            #expect(response.detail.hasPrefix(detail), "\(response.detail)")
            #expect(try await app.request(.get, "/api/v1/me/program", token: token).text == before)
            #expect(try await app.request(.get, "/api/v1/me/export.csv", token: token).text.components(separatedBy: "\r\n").count == 2)
        }
    }
}
