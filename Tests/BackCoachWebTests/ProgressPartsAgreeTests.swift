import Foundation
import Testing

/// Whatever window she picks, the progress page's parts agree: the activity bars show the scores the sentence above
/// them compares, and the session map, its table and its sentence cover the window's days.
@Suite("The progress page's parts agree")
struct ProgressPartsAgreeTests {
    /// Three rounds of activity scores, 20 and 18 days apart: (3, 5), then (6, 7), then (8, 9) two days before today.
    static func threeRounds(_ app: TestApp, _ browser: Browser) async throws {
        for (daysLater, scores) in [(0, (3, 5)), (20, (6, 7)), (18, (8, 9))] {
            app.clock.advance(seconds: TimeInterval(daysLater * 86_400))
            try await browser.get("/checkin")
            let saved = try await browser.post(
                "/checkin",
                [
                    ("pain", "3"), ("activity.0", "Lifting baby from the cot"), ("score.0", "\(scores.0)"),
                    ("activity.1", "Sitting to feed"), ("score.1", "\(scores.1)"),
                ])
            #expect(saved.status == .seeOther)
        }
        app.clock.advance(seconds: 2 * 86_400)
    }

    @Test("The activity bars show her first-ever scores against her latest, as the sentence does, in every window")
    func barsMatchTheSentence() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await Self.threeRounds(app, browser)
            for days in [30, 90, 365] {
                let page = try await browser.get("/progress?days=\(days)").text
                #expect(page.contains("up 4.5 points on average"), "days=\(days)")
                // The 30-day window holds only the last round, yet the bars start where the sentence starts.
                #expect(page.contains("3 at the start, 8 now") && page.contains("3 → 8"), "days=\(days)")
                #expect(page.contains("5 at the start, 9 now") && page.contains("5 → 9"), "days=\(days)")
            }
        }
    }

    @Test("The API gives each activity's first and latest score with the change, the same for every window")
    func apiActivities() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            for (offset, score) in [(-40, 3), (-20, 6), (-2, 8)] {
                let date = LocalDateText.day(offset: offset)
                let body = #"{"pain":3,"psfs":[{"activity":"Lifting baby","score":\#(score)}]}"#
                #expect(try await app.request(.put, "/api/v1/me/checkins/\(date)", token: token, json: body).status == .created)
            }
            for days in [7, 30, 365] {
                let response = try await app.request(.get, "/api/v1/me/progress?days=\(days)", token: token)
                expectMatchesSchema(response, "GET", "/api/v1/me/progress")
                let change = try #require(try response.object()["psfsChange"] as? [String: Any])
                let activities = try #require(change["activities"] as? [[String: Any]])
                #expect(activities.count == 1, "days=\(days)")
                #expect(activities.first?["activity"] as? String == "Lifting baby")
                #expect(activities.first?["first"] as? Int == 3 && activities.first?["latest"] as? Int == 8, "days=\(days)")
            }
        }
    }

    @Test("A missed session made up on the rest day after it counts once: done, and its planned day not missed")
    func madeUpSessionIsNotMissed() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            // Session 1 on Wednesday 25 November; session 2, planned for the 26th, done on the 27th, a rest day.
            for day in [0, 2] {
                if day > 0 { app.clock.advance(seconds: 2 * 86_400) }
                try await browser.clearScreen()
                try await browser.get("/session")
                let done = try await browser.post("/session", [("exercise", "clams"), ("done.0", "yes"), ("pain.0", "2")])
                #expect(done.status == .ok || done.status == .seeOther)
            }
            let page = try await browser.get("/progress?days=30").text
            #expect(page.contains("2 of 2 planned sessions done"), "the sentence")
            #expect(page.contains("to today: 2 done, 0 planned but not done"), "the map agrees with it")
        }
    }

    @Test("The pain line joins her check-ins across a missed day, but not across days with none: a gap shows as a gap")
    func painLineBreaksAtGaps() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            // Check-ins on 25, 26 and 28 November (one day missed), then 3 and 4 December (four days with none).
            for daysLater in [0, 1, 2, 5, 1] {
                app.clock.advance(seconds: TimeInterval(daysLater * 86_400))
                try await browser.get("/checkin")
                #expect(try await browser.post("/checkin", [("pain", "3")]).status == .seeOther)
            }
            let page = try await browser.get("/progress?days=30").text
            let chart = try #require(page.firstMatch(of: /<svg class="chart"[\s\S]*?<\/svg>/)).0
            #expect(chart.components(separatedBy: "<polyline class=\"line\"").count - 1 == 2)
            #expect(chart.components(separatedBy: "<circle class=\"dot\"").count - 1 == 5, "every check-in keeps its dot")
        }
    }

    @Test("The session map covers the chosen window: 30 days, or a year from her first day, scrolling when long")
    func mapFollowsTheWindow() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            // A browser session lasts 30 days from its last use: she opens the app every 25 days.
            for _ in 0..<4 {
                app.clock.advance(seconds: 25 * 86_400)
                try await browser.get("/today")
            }
            let month = try await browser.get("/progress?days=30").text
            let monthMap = try #require(month.firstMatch(of: /<svg class="heatmap"[\s\S]*?<\/svg>/)).0
            #expect(monthMap.components(separatedBy: "<rect ").count - 1 == 30)
            #expect(!month.contains("heatmap-scroll"), "a month fits the page")
            let year = try await browser.get("/progress?days=365").text
            let yearMap = try #require(year.firstMatch(of: /<svg class="heatmap long"[\s\S]*?<\/svg>/)).0
            #expect(yearMap.components(separatedBy: "<rect ").count - 1 == 101, "from her first day (25 November) to today")
            #expect(year.contains(#"<div class="heatmap-scroll" tabindex="0""#))
            #expect(yearMap.contains(#"aria-label="Sessions from Wednesday 25 November to today"#))
            #expect(year.contains("<td>Week of Monday 23 November</td>"), "the week table starts with her first week too")
        }
    }
}
