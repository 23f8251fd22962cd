import BackCoachServices
import BackCoachWeb
import Foundation
import NIOCore
import Testing

@Suite("Accounts, tokens and erasure")
struct AccountRoutesTests {
    @Test("Tokens are stored as their SHA-256 in lower-case hex")
    func tokenHash() {
        #expect(Secrets.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("Sign-up returns an id and a token that works")
    func signUp() async throws {
        try await TestApp.run { app in
            let response = try await app.request(
                .post, "/api/v1/accounts", json: #"{"email":" Mum@Example.TEST ","password":"0123456789"}"#)
            #expect(response.status == .created)
            expectMatchesSchema(response, "POST", "/api/v1/accounts")
            let token = try #require(try response.object()["token"] as? String)
            #expect(try await app.request(.get, "/api/v1/me/calendar", token: token).status == .ok)
        }
    }

    static let badSignUps: [(String, Int, String)] = [
        (#"{"email":"mum@example.test","password":"short"}"#, 400, "Your password must be at least 10 characters."),
        (#"{"email":"not-an-email","password":"0123456789"}"#, 400, "Your e-mail must look like name@example.com."),
        (#"{"password":"0123456789"}"#, 400, "email is required."),
        (#"{"email":"mum@example.test"}"#, 400, "password is required."),
        (#"{"email":"mum@example.test","password":"0123456789","admin":true}"#, 400, "unknown field \"admin\""),
        (#"{"email":42,"password":"0123456789"}"#, 400, "email must be text"),
        ("[1,2,3]", 400, "The request body must be a JSON object."),
        ("{not json", 400, "The request body is not valid JSON"),
        ("", 400, "The request needs a JSON body."),
    ]

    @Test("Bad sign-ups get 400 with a clear detail", arguments: badSignUps)
    func badSignUp(body: String, status: Int, detail: String) async throws {
        try await TestApp.run { app in
            let response = try await app.request(.post, "/api/v1/accounts", json: body)
            #expect(Int(response.status.code) == status)
            #expect(response.detail.hasPrefix(detail), "\(response.detail)")
            #expect(response.headers[.contentType] == "application/problem+json")
            expectMatchesSchema(response, "POST", "/api/v1/accounts")
        }
    }

    @Test("A taken e-mail gets 409")
    func taken() async throws {
        try await TestApp.run { app in
            _ = try await app.signUp("twin@example.test")
            let response = try await app.request(.post, "/api/v1/accounts", json: #"{"email":"TWIN@example.test","password":"0123456789"}"#)
            #expect(response.status == .conflict)
        }
    }

    @Test("A body over 64 KB gets 413 and stores nothing")
    func tooLarge() async throws {
        try await TestApp.run { app in
            let padding = String(repeating: "x", count: 70_000)
            let response = try await app.request(.post, "/api/v1/accounts", json: #"{"email":"big@example.test","password":"\#(padding)"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.detail == "The request body is larger than 64 KB.")
            let retry = try await app.request(.post, "/api/v1/accounts", json: #"{"email":"big@example.test","password":"0123456789"}"#)
            #expect(retry.status == .created)
        }
    }

    @Test("Wrong password and unknown e-mail get the same 401")
    func wrongCredentials() async throws {
        try await TestApp.run { app in
            _ = try await app.signUp("mum@example.test")
            let wrong = try await app.request(.post, "/api/v1/tokens", json: #"{"email":"mum@example.test","password":"not the password"}"#)
            let unknown = try await app.request(
                .post, "/api/v1/tokens", json: #"{"email":"nobody@example.test","password":"not the password"}"#)
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.detail == unknown.detail)
            expectMatchesSchema(wrong, "POST", "/api/v1/tokens")
            let right = try await app.request(
                .post, "/api/v1/tokens", json: #"{"email":"mum@example.test","password":"correct horse battery"}"#)
            #expect(right.status == .created)
            expectMatchesSchema(right, "POST", "/api/v1/tokens")
        }
    }

    @Test("Five failures for one account → 429 with Retry-After; the right password works after the window")
    func throttling() async throws {
        try await TestApp.run { app in
            _ = try await app.signUp("mum@example.test")
            for _ in 0..<5 {
                let response = try await app.request(
                    .post, "/api/v1/tokens", json: #"{"email":"mum@example.test","password":"guess guess"}"#)
                #expect(response.status == .unauthorized)
            }
            let blocked = try await app.request(
                .post, "/api/v1/tokens", json: #"{"email":"mum@example.test","password":"correct horse battery"}"#)
            #expect(blocked.status == .tooManyRequests)
            let retryAfter = try #require(blocked.headers[.init("Retry-After")!].flatMap(Int.init))
            #expect(retryAfter > 0 && retryAfter <= 15 * 60)
            expectMatchesSchema(blocked, "POST", "/api/v1/tokens")
            app.clock.advance(seconds: Double(retryAfter) + 1)
            let later = try await app.request(
                .post, "/api/v1/tokens", json: #"{"email":"mum@example.test","password":"correct horse battery"}"#)
            #expect(later.status == .created)
        }
    }

    @Test("Twenty failures from one address block it for every account")
    func addressThrottle() async throws {
        try await TestApp.run { app in
            for index in 0..<20 {
                _ = try await app.request(
                    .post, "/api/v1/tokens", json: #"{"email":"guess\#(index)@example.test","password":"guess guess"}"#)
            }
            let next = try await app.request(.post, "/api/v1/tokens", json: #"{"email":"other@example.test","password":"guess guess"}"#)
            #expect(next.status == .tooManyRequests)
        }
    }

    @Test("Revoking a token stops it working; other tokens keep working")
    func revoke() async throws {
        try await TestApp.run { app in
            let first = try await app.signUp("mum@example.test")
            let second = try #require(
                try await app.request(
                    .post, "/api/v1/tokens", json: #"{"email":"mum@example.test","password":"correct horse battery"}"#
                ).object()["token"] as? String)
            #expect(try await app.request(.delete, "/api/v1/me/token", token: first).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/me/calendar", token: first).status == .unauthorized)
            #expect(try await app.request(.get, "/api/v1/me/calendar", token: second).status == .ok)
        }
    }

    @Test("DELETE /api/v1/me erases everything, says what, and the token stops working", arguments: StoreKind.available)
    func erase(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let email = "erased-\(UUID())@example.test"
            let token = try await app.signUp(email)
            _ = try await app.request(.put, "/api/v1/me/intake", token: token, json: Samples.intake)
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-24", token: token, json: #"{"pain":4}"#)
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3}"#)
            _ = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json: #"{"date":"2026-11-25","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
            let response = try await app.request(.delete, "/api/v1/me", token: token)
            #expect(response.status == .ok)
            expectMatchesSchema(response, "DELETE", "/api/v1/me")
            let erased = try #require(try response.object()["erased"] as? [String: Int])
            #expect(
                erased == [
                    "accounts": 1, "tokens": 1, "intakes": 1, "programs": 1, "screens": 1, "sessions": 0, "checkins": 2, "webSessions": 0,
                    "shares": 0,
                ])
            #expect(try await app.request(.get, "/api/v1/me/checkins", token: token).status == .unauthorized)
            #expect(
                try await app.request(.post, "/api/v1/tokens", json: #"{"email":"\#(email)","password":"correct horse battery"}"#)
                    .status == .unauthorized, "the erased account can't sign in")
        }
    }
}
