import Foundation
import Testing

@testable import BackCoachServices

/// A mother who opens the app is not signed out by the calendar; one who stays away 30 days is.
@Suite("Browser sessions renew with use")
struct SlidingSessionTests {
    @Test("Used every few weeks she stays signed in for months; 31 days away ends it", arguments: StoreKind.available)
    func slidingSession(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            // In the first half of the session's life nothing is written or sent again.
            app.clock.advance(seconds: 10 * 86_400)
            let early = try await browser.get("/today")
            #expect(early.status == .ok && early.headers[.setCookie] == nil)
            // From the second half on, each visit renews it for 30 days from then.
            app.clock.advance(seconds: 10 * 86_400)
            #expect(try await browser.get("/today").headers[.setCookie] != nil)
            for _ in 0..<4 {
                app.clock.advance(seconds: 20 * 86_400)
                let page = try await browser.get("/today")
                #expect(page.status == .ok, "still signed in: \(page.headers[.location] ?? "")")
                #expect(page.headers[.setCookie]?.contains("Max-Age=\(Int(AccountService.webSessionLifetime))") == true)
            }
            // 100 days in, still signed in; a month away, and she is asked to sign in.
            app.clock.advance(seconds: 31 * 86_400)
            #expect(try await browser.get("/today").headers[.location] == "/signin")
        }
    }
}
