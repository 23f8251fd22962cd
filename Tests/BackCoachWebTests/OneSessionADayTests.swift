import Foundation
import Testing

/// Two tabs or two devices saving the same day's session at the same moment: one is stored and moves the plan, the
/// other is refused, on every store.
@Suite("One session a day, even at the same moment")
struct OneSessionADayTests {
    @Test("Two saves at once with different ids: one 201, one 409, one session stored", arguments: StoreKind.available)
    func race(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for pain in [2, 6] {
                    group.addTask {
                        let body =
                            #"{"date":"2026-11-25","id":"\#(UUID().uuidString)","exercises":[{"id":"clams","completed":true,"painDuring":\#(pain)}]}"#
                        return Int(try await app.request(.post, "/api/v1/me/sessions", token: token, json: body).status.code)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted() == [201, 409])
            let csv = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
            #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("session,") }.count == 1)
        }
    }

    @Test("After the day's session Today offers no second one, and the session page sends her back to Today")
    func noSecondOffer() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            try await browser.get("/session")
            #expect(try await browser.post("/session", [("exercise", "clams"), ("done.0", "on"), ("pain", "2")]).status == .ok)
            let today = try await browser.get("/today").text
            #expect(today.contains("Session done today") && !today.contains(#"href="/session">Start session"#))
            #expect(try await browser.get("/session").headers[.location] == "/today")
        }
    }
}
