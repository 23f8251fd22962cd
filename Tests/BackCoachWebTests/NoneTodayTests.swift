import Testing

/// The before-session check on one screen: "none of these today" answers no to every sign, each still shown; a yes
/// or not sure she gives still counts; a check with something missing comes back with her answers kept.
@Suite("One screen, one tap: none of these today")
struct NoneTodayTests {
    @Test("'None of these today' with the two pain answers is a clear check")
    func clear() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let today = try await browser.get("/today").text
            #expect(today.contains("None of the signs below today") && Browser.safetyFields(in: today).count > 5, "each sign still shown")
            let checked = try await browser.post("/today/screen", [("none", "yes"), ("painAtRest", "2"), ("painWorsening", "no")])
            #expect(checked.headers[.location] == "/session")
        }
    }

    @Test("A yes beside 'none of these today' still stops the session")
    func yesWins() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/today")
            let stop = try await browser.post(
                "/today/screen", [("none", "yes"), ("rf.RF-02", "yes"), ("painAtRest", "2"), ("painWorsening", "no")])
            #expect(stop.status == .ok && stop.text.contains("blood clot"))
            #expect(try await browser.get("/session").headers[.location] == "/today")
        }
    }

    @Test("Something left out: Today again, with what is missing marked and every answer kept")
    func missing() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/today")
            let again = try await browser.post("/today/screen", [("none", "yes"), ("painAtRest", "3")])
            #expect(again.status == .badRequest)
            #expect(again.text.contains("Please answer the questions marked below") && again.text.contains("Please choose yes or no."))
            #expect(again.text.contains(#"id="none-today" name="none" value="yes" data-none-today checked"#))
            #expect(again.text.contains(#"id="rest-3" name="painAtRest" value="3" required checked"#))
            #expect(try await browser.get("/session").headers[.location] == "/today", "nothing recorded")
        }
    }

    @Test("The daily check asks since her last check, not since the birth, on the page and in the API")
    func dailyWording() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let today = try await browser.get("/today").text
            #expect(
                today.contains("Since your last check, have you had chest pain")
                    && !today.contains("Since the birth, have you had chest pain"))
            let questions = try await app.request(.get, "/api/v1/questions").text
            #expect(questions.contains("Since your last check, have you had chest pain"), "the rescreen list")
            #expect(questions.contains("Since the birth, have you had chest pain"), "the intake keeps its own wording")
        }
    }
}
