import Testing

/// An empty checklist is not a session: nothing ticked is refused on the API and the page alike, and nothing is
/// stored, so it never counts as done or feeds the progression rules.
@Suite("An empty checklist is not a session")
struct EmptySessionTests {
    static let message = "Tick at least one exercise you did."

    @Test("The API and the page refuse a session with nothing done, in the same words, and store nothing")
    func refused() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            let api = try await app.request(
                .post, "/api/v1/me/sessions", token: token,
                json: #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":false},{"id":"glute-bridge","completed":false}]}"#)
            #expect(api.status == .badRequest && api.detail.hasPrefix(Self.message))
            #expect(try await app.request(.get, "/api/v1/me/export.csv", token: token).text.components(separatedBy: "\r\n").count == 2)

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            let session = try await browser.get("/session").text
            #expect(session.contains(#"<a href="/today">I didn't do it</a>"#))
            let page = try await browser.post("/session", [("exercise", "clams"), ("exercise", "glute-bridge")])
            #expect(page.status == .badRequest && page.text.contains(Self.message))
            #expect(try await browser.get("/settings/export.csv").text.components(separatedBy: "\r\n").count == 2, "header only")
        }
    }
}

/// The session form asks little: a ticked exercise felt fine (about right) unless she says otherwise, and one pain
/// score for the whole session stands in for each exercise's own, which she can still give.
@Suite("Felt fine unless she says otherwise")
struct FeltFineTests {
    @Test("Ticked exercises are about right with the session's pain; her own answers for one exercise win; unticked stay empty")
    func defaults() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            let page = try await browser.get("/session").text
            #expect(page.contains("Not quite right?") && page.contains(#"name="pain" type="number""#))
            #expect(!page.contains(#"value="right""#), "no question for the usual answer")
            let saved = try await browser.post(
                "/session",
                [
                    ("exercise", "clams"), ("done.0", "on"), ("exercise", "glute-bridge"), ("done.1", "on"), ("difficulty.1", "tooHard"),
                    ("pain.1", "4"), ("symptoms.1", "heaviness"), ("exercise", "heel-slides"), ("pain", "2"),
                ])
            #expect(saved.status == .ok && saved.text.contains("Well done"))
            let csv = try await browser.get("/settings/export.csv").text
            #expect(csv.contains("session,2026-11-25,,,,Clams,yes,about right,2,,\r\n"), "\(csv)")
            #expect(csv.contains("session,2026-11-25,,,,Glute bridge,yes,too hard,4,,heaviness\r\n"))
            #expect(csv.contains("session,2026-11-25,,,,Heel slides,no,,,,\r\n"))
        }
    }
}

@Suite("Pain over the limit names its exercise")
struct SessionPainOverLimitTests {
    @Test("A session pain over her limit with no exercise named is sent back; naming the exercise saves it")
    func namesTheExercise() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            try await browser.get("/session")
            let ticked: [(String, String)] = [("exercise", "clams"), ("done.0", "on"), ("exercise", "glute-bridge"), ("done.1", "on")]
            let vague = try await browser.post("/session", ticked + [("pain", "8")])
            #expect(vague.status == .badRequest && vague.text.contains("give the pain for the exercise that hurt"))
            // The checklist comes back with her answers, as a form to finish (no player to skip through again).
            #expect(
                vague.text.contains(#"name="done.0" checked>"#)
                    && vague.text.contains(#"name="pain" type="number" min="0" max="10" value="8""#))
            #expect(!vague.text.contains(#"id="player""#) && vague.text.contains("Save how it went"))
            #expect(try await browser.get("/settings/export.csv").text.components(separatedBy: "\r\n").count == 2, "nothing saved")
            try await browser.get("/session")
            let named = try await browser.post("/session", ticked + [("pain", "8"), ("pain.1", "8")])
            #expect(named.status == .ok)
            let csv = try await browser.get("/settings/export.csv").text
            #expect(csv.contains("Glute bridge,yes,about right,8,") && csv.contains("Clams,yes,about right,,"), "only the one she named")
        }
    }
}
