import Testing

/// While a safety check has paused the plan, the plan page says so first, before any exercise, and sends her to
/// Today's advice and new check; the running check is not offered.
@Suite("A paused plan shows the pause first")
struct PausedPlanTests {
    @Test("After an urgent answer in the day's check, /plan leads with the pause")
    func pauseFirst() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            #expect(!(try await browser.get("/plan").text.contains("Your plan is paused")))
            try await browser.get("/today")
            let stop = try await browser.post("/today/screen", browser.screenAnswers(yes: ["RF-02"]))
            #expect(stop.text.contains("Please get help"))
            let plan = try await browser.get("/plan").text
            let pause = try #require(plan.range(of: "Your plan is paused"))
            let firstExercise = try #require(plan.range(of: #"<a href="/exercises/"#))
            #expect(pause.lowerBound < firstExercise.lowerBound)
            #expect(plan.contains(#"href="/today">See what to do, and do a new check"#))
        }
    }
}
