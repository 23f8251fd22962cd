import BackCoachServices
import Foundation
import Testing

/// A way back into a forgotten account, on the API and the pages.
@Suite("Account recovery")
struct RecoveryTests {
    @Test("A recovery code sets a new password once, ends every other token, and a wrong or used code is refused")
    func codes() async throws {
        try await TestApp.run { app in
            let email = "forgot-\(UUID())@example.test"
            let token = try await app.signUp(email, password: "the forgotten one")
            let made = try await app.request(.post, "/api/v1/me/recovery-codes", token: token)
            #expect(made.status == .created)
            expectMatchesSchema(made, "POST", "/api/v1/me/recovery-codes")
            let codes = try #require(try made.object()["codes"] as? [String])
            #expect(codes.count == 8 && Set(codes).count == 8)

            let wrong = try await app.request(
                .post, "/api/v1/recovery", json: #"{"email":"\#(email)","code":"aaaa-bbbb-cccc","password":"a fresh passphrase"}"#)
            #expect(wrong.status == .unauthorized)
            // Typed with capitals and spaces instead of dashes, as people do.
            let typed = codes[0].uppercased().replacingOccurrences(of: "-", with: " ")
            let used = try await app.request(
                .post, "/api/v1/recovery", json: #"{"email":"\#(email)","code":"\#(typed)","password":"a fresh passphrase"}"#)
            #expect(used.status == .created)
            #expect(try await app.request(.get, "/api/v1/me/calendar", token: token).status == .unauthorized)
            let again = try await app.request(
                .post, "/api/v1/recovery", json: #"{"email":"\#(email)","code":"\#(codes[0])","password":"another passphrase"}"#)
            #expect(again.status == .unauthorized, "a code works once")
            let signIn = try await app.request(.post, "/api/v1/tokens", json: #"{"email":"\#(email)","password":"a fresh passphrase"}"#)
            #expect(signIn.status == .created)
            // Another account's code is no use here.
            let other = try await app.signUp()
            let otherCodes = try await app.request(.post, "/api/v1/me/recovery-codes", token: other).object()["codes"] as? [String] ?? []
            let foreign = try await app.request(
                .post, "/api/v1/recovery", json: #"{"email":"\#(email)","code":"\#(otherCodes[0])","password":"stolen passphrase"}"#)
            #expect(foreign.status == .unauthorized)
        }
    }

    @Test("Without a mail server, asking for a link says to use a code; the forgot page offers codes only")
    func noMailServer() async throws {
        try await TestApp.run { app in
            let response = try await app.request(.post, "/api/v1/password-resets", json: #"{"email":"someone@example.test"}"#)
            #expect(response.status == .conflict && response.detail.contains("recovery codes"))
            let page = try await app.request(.get, "/forgot")
            #expect(page.status == .ok && page.text.contains("Use a recovery code") && !page.text.contains("Send me a link"))
        }
    }

    @Test("A reset link by e-mail, through a real SMTP exchange with a sink on 127.0.0.1: once, for an hour, same answer for strangers")
    func emailLink() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let mailer = SMTPMailer(host: "127.0.0.1", port: sink.port, from: "backcoach@example.test")
        try await TestApp.run(mailer: mailer) { app in
            let email = "linked-\(UUID())@example.test".lowercased()
            let token = try await app.signUp(email, password: "the forgotten one")
            let stranger = try await app.request(.post, "/api/v1/password-resets", json: #"{"email":"nobody-\#(UUID())@example.test"}"#)
            let asked = try await app.request(.post, "/api/v1/password-resets", json: #"{"email":"\#(email)"}"#)
            #expect(asked.status == .accepted && stranger.status == .accepted && asked.text == stranger.text, "no hint who has an account")
            let message = try #require(sink.messages.last)
            #expect(
                sink.messages.count == 1 && message.contains("To: <\(email)>") && message.contains("Subject: Reset your BackCoach password")
            )
            let link = try #require(message.firstMatch(of: /http:\/\/backcoach\.test\/reset\?token=([A-Za-z0-9_-]{43})/))
            let secret = String(link.1)

            // The page from the link, then the new password; the old token is gone, she is signed in here.
            let browser = Browser(app)
            #expect(try await browser.get("/reset?token=\(secret)").status == .ok)
            let done = try await browser.post("/reset", [("token", secret), ("password", "a passphrase from the link")])
            #expect(done.status == .seeOther && done.headers[.location] == "/today")
            #expect(try await app.request(.get, "/api/v1/me/calendar", token: token).status == .unauthorized)
            let reused = try await app.request(
                .put, "/api/v1/password-resets", json: #"{"token":"\#(secret)","password":"once more please"}"#)
            #expect(reused.status == .badRequest && reused.detail.contains("expired or was already used"))

            // A second link expires after an hour.
            _ = try await app.request(.post, "/api/v1/password-resets", json: #"{"email":"\#(email)"}"#)
            let late = try #require(sink.messages.last?.firstMatch(of: /token=([A-Za-z0-9_-]{43})/)).1
            app.clock.advance(seconds: 3601)
            let expired = try await app.request(.put, "/api/v1/password-resets", json: #"{"token":"\#(late)","password":"too late now"}"#)
            #expect(expired.status == .badRequest)
        }
    }

    @Test("Settings shows new recovery codes once, and the forgot page resets with one")
    func codesOnThePages() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let email = "pages-\(UUID())@example.test"
            try await browser.signUpAndOnboard(email: email)
            try await browser.get("/settings")
            let made = try await browser.post("/settings/recovery-codes", [])
            let codes = made.text.matches(of: /<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<\/code>/).map { String($0.1) }
            #expect(codes.count == 8)
            #expect(!(try await browser.get("/settings").text.contains(codes[0])), "shown only once")
            try await browser.post("/signout", [])
            let visitor = Browser(app)
            try await visitor.get("/forgot")
            let done = try await visitor.post("/recover", [("email", email), ("code", codes[3]), ("password", "back in with a code")])
            #expect(done.status == .seeOther && done.headers[.location] == "/settings?recovered=1")
            #expect(try await visitor.get("/settings?recovered=1").text.contains("7 unused"))
        }
    }
}
