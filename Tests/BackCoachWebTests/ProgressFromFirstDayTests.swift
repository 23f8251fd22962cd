import Testing

/// Progress starts on her first day: no rest days before she joined, weeks and days labelled, dates in words.
@Suite("Progress from her first day")
struct ProgressFromFirstDayTests {
    @Test("Three days after she joined: four days on the grid, weeks from Monday, human dates, no empty summary")
    func firstDays() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            app.clock.advance(seconds: 3 * 86_400)
            let page = try await browser.get("/progress").text
            let grid = try #require(page.firstMatch(of: /<svg class="heatmap"[\s\S]*?<\/svg>/)).0
            #expect(grid.components(separatedBy: "<rect ").count - 1 == 4, "25 to 28 November, nothing before she joined")
            #expect(grid.contains(">Mon<") && grid.contains(">23 Nov<"), "rows and weeks labelled")
            #expect(grid.contains(#"aria-label="Sessions from Wednesday 25 November to today: 0 done"#))
            #expect(page.contains("planned sessions done since you started on Wednesday 25 November"))
            #expect(page.contains("<td>Week of Monday 23 November</td>"))
            #expect(!page.contains("Baseline ,") && !page.contains("Pain at the start"), "no summary line without values")
            #expect(page.components(separatedBy: "rest day").count - 1 == 1, "the legend only, not once per day")
        }
    }
}
