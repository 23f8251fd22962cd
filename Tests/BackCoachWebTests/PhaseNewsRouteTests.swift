import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// When time opens the next phase, Today says so once, on whichever interface she opens first.
@Suite("Phase news on Today")
struct PhaseNewsRouteTests {
    static let fiveWeeks = Samples.intake.replacingOccurrences(of: #""weeksSinceBirth": 8"#, with: #""weeksSinceBirth": 5"#)

    static func news(_ app: TestApp, _ token: String, query: String = "") async throws -> String? {
        try await app.request(.get, "/api/v1/me/today" + query, token: token).object()["phaseNews"] as? String
    }

    @Test("Time passes: the API's Today says it once, a day asked by date never does, and the page then says nothing")
    func onceAcrossInterfaces() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser(intake: Self.fiveWeeks)
            #expect(try await Self.news(app, token) == nil, "the plan page has just explained the first phase")
            app.clock.advance(seconds: 8 * 86_400)
            #expect(try await Self.news(app, token, query: "?date=2026-12-03") == nil)
            let news = try #require(try await Self.news(app, token))
            #expect(news.contains("6 weeks since the birth") && news.contains("Phase 2"))
            #expect(try await Self.news(app, token) == nil, "said once")
        }
    }

    @Test("The Today page says it once, and two tabs opening at once say it once between them")
    func onceOnThePage() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard(weeks: 5)
            #expect(!(try await browser.get("/today").text.contains("News about your plan")))
            app.clock.advance(seconds: 8 * 86_400)
            // Two tabs: the same cookies, two requests in flight at once.
            let cookie = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            async let first = app.client.execute(uri: "/today", method: .get, headers: [.cookie: cookie])
            async let second = app.client.execute(uri: "/today", method: .get, headers: [.cookie: cookie])
            let pages = try await [first.text, second.text]
            #expect(pages.filter { $0.contains("News about your plan") }.count == 1)
            #expect(!(try await browser.get("/today").text.contains("News about your plan")))
        }
    }
}
