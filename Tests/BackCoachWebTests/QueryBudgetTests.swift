import Foundation
import Testing

/// Today is the page and the call she opens most: each costs at most two statements on the embedded database (who
/// she is, and one read for everything the day needs), whatever her history holds.
@Suite("Query budget")
struct QueryBudgetTests {
    /// Runs `work` and returns how many statements it ran.
    static func statements(_ app: TestApp, _ work: () async throws -> Void) async throws -> Int {
        let counter = try #require(app.statements)
        let before = counter.count
        try await work()
        return counter.count - before
    }

    @Test("GET /api/v1/me/today: at most 2 statements, on a session day with a check and a check-in, and on a rest day")
    func apiToday() async throws {
        try await TestApp.run(.sqlite) { app in
            let token = try await app.onboardedUser()
            // The first open tells any phase news once (a write); from then on an open only reads.
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).status == .ok)
            let check = #"{"date":"2026-11-25","redFlags":[],"painAtRest":2,"painWorsening":false}"#
            #expect(try await app.request(.post, "/api/v1/me/screens", token: token, json: check).status == .created)
            #expect(try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3}"#).status.code < 300)
            for offset in 0..<3 {
                app.clock.advance(seconds: Double(offset) * 86_400)
                let cost = try await Self.statements(app) {
                    let response = try await app.request(.get, "/api/v1/me/today", token: token)
                    #expect(response.status == .ok)
                }
                #expect(cost <= 2, "day \(offset): \(cost) statements")
            }
        }
    }

    @Test("The Today page: at most 2 statements")
    func pageToday() async throws {
        try await TestApp.run(.sqlite) { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            _ = try await browser.get("/today")  // tells any phase news once
            let cost = try await Self.statements(app) {
                let page = try await browser.get("/today")
                #expect(page.status == .ok)
            }
            #expect(cost <= 2, "\(cost) statements")
        }
    }
}
