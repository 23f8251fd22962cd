import Foundation
import Testing

/// Accounts a person can keep: a password she can change, and limits that slow strangers without locking her out.
@Suite("Keeping an account")
struct AccountKeepingTests {
    @Test("Changing the password checks the current one, ends every other token and session, and the new one works")
    func changePassword() async throws {
        try await TestApp.run { app in
            let email = "change-\(UUID())@example.test"
            let token = try await app.signUp(email, password: "the old passphrase")
            let browser = Browser(app)
            try await browser.get("/signin")
            _ = try await browser.post("/signin", [("email", email), ("password", "the old passphrase")])
            #expect(try await browser.get("/settings").status == .ok)

            let wrong = try await app.request(
                .put, "/api/v1/me/password", token: token, json: #"{"current":"not it at all","new":"a brand new passphrase"}"#)
            #expect(wrong.status == .badRequest && wrong.detail == "Your current password is not right.")
            let short = try await app.request(
                .put, "/api/v1/me/password", token: token, json: #"{"current":"the old passphrase","new":"short"}"#)
            #expect(short.status == .badRequest && short.detail.contains("at least 10"))

            let changed = try await app.request(
                .put, "/api/v1/me/password", token: token, json: #"{"current":"the old passphrase","new":"a brand new passphrase"}"#)
            #expect(changed.status == .ok)
            expectMatchesSchema(changed, "PUT", "/api/v1/me/password")
            let fresh = try #require(try changed.object()["token"] as? String)
            #expect(try await app.request(.get, "/api/v1/me/calendar", token: token).status == .unauthorized, "the old token ended")
            #expect(try await app.request(.get, "/api/v1/me/calendar", token: fresh).status == .ok)
            #expect(try await browser.get("/settings").headers[.location] == "/signin", "the other browser is signed out")
            let old = try await app.request(.post, "/api/v1/tokens", json: #"{"email":"\#(email)","password":"the old passphrase"}"#)
            #expect(old.status == .unauthorized)
            let new = try await app.request(.post, "/api/v1/tokens", json: #"{"email":"\#(email)","password":"a brand new passphrase"}"#)
            #expect(new.status == .created)
        }
    }

    @Test("Signing in on the web remembers the browser with a year-long HttpOnly cookie")
    func deviceCookie() async throws {
        try await TestApp.run { app in
            let email = "device-\(UUID())@example.test".lowercased()
            _ = try await app.signUp(email)
            let browser = Browser(app)
            try await browser.get("/signin")
            let signIn = try await browser.post("/signin", [("email", email), ("password", "correct horse battery")])
            let device = signIn.headers[values: .setCookie].first { $0.hasPrefix("bc_device=") } ?? ""
            #expect(device.contains("HttpOnly") && device.contains("Max-Age=31536000"))
            try await browser.post("/signout", [])
            try await browser.get("/signin")
            let again = try await browser.post("/signin", [("email", email), ("password", "correct horse battery")])
            #expect(again.headers[values: .setCookie].first { $0.hasPrefix("bc_device=") } == device, "the same browser keeps its cookie")
        }
    }

    @Test("Changing the password on the settings page keeps this browser signed in")
    func changePasswordOnThePage() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/settings")
            let wrong = try await browser.post("/settings/password", [("current", "nope nope nope"), ("new", "a brand new passphrase")])
            #expect(wrong.status == .badRequest && wrong.text.contains("Your current password is not right."))
            let done = try await browser.post(
                "/settings/password", [("current", "correct horse battery"), ("new", "a brand new passphrase")])
            #expect(done.status == .seeOther)
            let page = try await browser.get("/settings?password=changed")
            #expect(page.status == .ok && page.text.contains("Your password is changed"))
        }
    }

    @Test("Sign-ups from one address are limited per hour, with a wait to try again")
    func signUpThrottle() async throws {
        try await TestApp.run(signUpsPerHour: 3) { app in
            for index in 0..<3 { _ = try await app.signUp("many-\(index)-\(UUID())@example.test") }
            let refused = try await app.request(
                .post, "/api/v1/accounts", json: #"{"email":"one-more-\#(UUID())@example.test","password":"correct horse battery"}"#)
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] != nil)
            expectMatchesSchema(refused, "POST", "/api/v1/accounts")
        }
    }

    @Test("Sixty guesses sent at once: at most five passwords are checked, the rest refused unchecked")
    func concurrentGuesses() async throws {
        try await TestApp.run(.sqlite) { app in
            let email = "guessed-\(UUID())@example.test"
            _ = try await app.signUp(email, password: "the right passphrase")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<60 {
                    let password = index == 44 ? "the right passphrase" : "wrong guess \(index)"
                    group.addTask {
                        let response = try await app.request(
                            .post, "/api/v1/tokens", json: #"{"email":"\#(email)","password":"\#(password)"}"#)
                        return Int(response.status.code)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 || $0 == 201 }.count <= 5, "\(statuses.sorted())")
            #expect(statuses.filter { $0 == 429 }.count >= 55)
        }
    }
}

@Suite("Pain limit (reference 5.1)")
struct PainLimitTests {
    @Test("She may lower her limit, never raise it above the cautious default; the page offers only what she may choose")
    func capped() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()  // 9 weeks, no pelvic girdle pain: the default is 5
            let page = try await browser.get("/settings").text
            #expect(page.contains("<option value=\"5\"") && !page.contains("<option value=\"6\""))
            #expect(try await browser.post("/settings/ceiling", [("ceiling", "4")]).text.contains("Your pain limit is saved."))
            let raised = try await browser.post("/settings/ceiling", [("ceiling", "10")])
            #expect(raised.status == .badRequest && raised.text.contains("physio or doctor"))
            #expect(try await browser.get("/plan").text.contains("4 out of 10"))
        }
    }
}

@Suite("Changing the e-mail")
struct EmailChangeTests {
    @Test("The password is checked, a taken e-mail is refused, and she signs in with the new one")
    func change() async throws {
        try await TestApp.run { app in
            let email = "before-\(UUID())@example.test".lowercased()
            let token = try await app.signUp(email, password: "my own passphrase")
            let taken = "taken-\(UUID())@example.test".lowercased()
            _ = try await app.signUp(taken)
            let wrong = try await app.request(
                .put, "/api/v1/me/email", token: token, json: #"{"email":"new@example.test","password":"not mine"}"#)
            #expect(wrong.status == .badRequest && wrong.detail == "Your password is not right.")
            let clash = try await app.request(
                .put, "/api/v1/me/email", token: token, json: #"{"email":"\#(taken)","password":"my own passphrase"}"#)
            #expect(clash.status == .conflict)
            let fresh = "after-\(UUID())@example.test".lowercased()
            let changed = try await app.request(
                .put, "/api/v1/me/email", token: token, json: #"{"email":" \#(fresh.uppercased()) ","password":"my own passphrase"}"#)
            let newEmail = try changed.object()["email"] as? String
            #expect(changed.status == .ok && newEmail == fresh)
            expectMatchesSchema(changed, "PUT", "/api/v1/me/email")
            #expect(
                try await app.request(.post, "/api/v1/tokens", json: #"{"email":"\#(fresh)","password":"my own passphrase"}"#).status
                    == .created)
            #expect(
                try await app.request(.post, "/api/v1/tokens", json: #"{"email":"\#(email)","password":"my own passphrase"}"#).status
                    == .unauthorized)

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/settings")
            let moved = "web-moved-\(UUID())@example.test".lowercased()
            let page = try await browser.post("/settings/email", [("email", moved), ("password", "correct horse battery")])
            #expect(page.status == .ok && page.text.contains("Your e-mail is now \(moved)."))
        }
    }
}
