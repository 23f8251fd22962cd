import Testing

/// The plan page puts what keeps her safe first and folds the rest, so it fits a phone.
@Suite("The plan page, safety first")
struct PlanPageTests {
    @Test("Stop signs and the caesarean advice come before the first exercise; sessions after the first are folded")
    func order() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUp()
            let answers = Browser.noToSafety(on: try await browser.get("/start").text)
            let second = try await browser.submit("/start", [("step", "0"), ("nav", "next")] + answers).text
            let steps: [[(String, String)]] = [
                Browser.noToSafety(on: second), [("q.weeksSinceBirth", "7"), ("q.delivery", "caesarean"), ("q.clinicianCleared", "yes")],
                [("q.painAtRest", "3"), ("q.painWorsening", "no")], [], [], [("q.breastfeeding", "no")],
                [("q.minutesPerDay", "10"), ("q.daysPerWeek", "3")],
            ]
            var last = try await browser.get("/start")
            for (offset, fields) in steps.enumerated() {
                last = try await browser.post("/start", [("step", String(offset + 1)), ("nav", "next")] + fields)
            }
            #expect(last.headers[.location] == "/plan")
            let plan = try await browser.get("/plan").text
            let safety = try #require(plan.range(of: "To stay safe"))
            let stopSigns = try #require(plan.range(of: "Stop an exercise straight away"))
            let firstExercise = try #require(plan.range(of: #"<a href="/exercises/"#))
            let caesarean = try #require(plan.range(of: "caesarean", options: .caseInsensitive))
            #expect(safety.lowerBound < firstExercise.lowerBound && stopSigns.lowerBound < firstExercise.lowerBound)
            #expect(caesarean.lowerBound < firstExercise.lowerBound, "the caesarean advice too")
            #expect(plan.contains(#"<details class="card session" open>"#))
            #expect(plan.components(separatedBy: #"<details class="card session">"#).count - 1 == 2, "sessions 2 and 3 folded")
        }
    }
}
