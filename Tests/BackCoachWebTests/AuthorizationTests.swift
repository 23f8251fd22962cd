import Foundation
import HTTPTypes
import Testing

@Suite("Every /api/v1/me route belongs to its token's user")
struct AuthorizationTests {
    /// A sample request for each protected route. The test fails when a new route has no entry here.
    static let samples: [String: (method: HTTPRequest.Method, uri: String, body: String?)] = [
        "DELETE /api/v1/me": (.delete, "/api/v1/me", nil),
        "DELETE /api/v1/me/token": (.delete, "/api/v1/me/token", nil),
        "POST /api/v1/me/recovery-codes": (.post, "/api/v1/me/recovery-codes", nil),
        "POST /api/v1/me/next-morning": (.post, "/api/v1/me/next-morning", #"{"answer":"settled"}"#),
        "GET /api/v1/me/profile": (.get, "/api/v1/me/profile", nil),
        "PUT /api/v1/me/profile": (.put, "/api/v1/me/profile", #"{"country":"IE"}"#),
        "GET /api/v1/me/schedule": (.get, "/api/v1/me/schedule", nil),
        "PUT /api/v1/me/schedule": (.put, "/api/v1/me/schedule", #"{"time":"07:30"}"#),
        "PUT /api/v1/me/email": (.put, "/api/v1/me/email", #"{"email":"moved@example.test","password":"correct horse battery"}"#),
        "PUT /api/v1/me/password": (.put, "/api/v1/me/password", #"{"current":"correct horse battery","new":"another long one"}"#),
        "PUT /api/v1/me/intake": (.put, "/api/v1/me/intake", Samples.intake),
        "GET /api/v1/me/program": (.get, "/api/v1/me/program", nil),
        "GET /api/v1/me/today": (.get, "/api/v1/me/today", nil),
        "POST /api/v1/me/screens": (
            .post, "/api/v1/me/screens", #"{"date":"2026-11-25","redFlags":[],"painAtRest":2,"painWorsening":false}"#
        ),
        "POST /api/v1/me/sessions": (.post, "/api/v1/me/sessions", #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#),
        "PUT /api/v1/me/checkins/{date}": (.put, "/api/v1/me/checkins/2026-11-25", #"{"pain":2}"#),
        "GET /api/v1/me/checkins": (.get, "/api/v1/me/checkins", nil),
        "GET /api/v1/me/progress": (.get, "/api/v1/me/progress", nil),
        "GET /api/v1/me/running-check": (.get, "/api/v1/me/running-check", nil),
        "POST /api/v1/me/running-check": (.post, "/api/v1/me/running-check", #"{"answers":{"walk":"passed"}}"#),
        "GET /api/v1/me/export.csv": (.get, "/api/v1/me/export.csv", nil),
        "GET /api/v1/me/export.fhir": (.get, "/api/v1/me/export.fhir", nil),
        "GET /api/v1/me/calendar": (.get, "/api/v1/me/calendar", nil),
        "POST /api/v1/me/calendar/rotate": (.post, "/api/v1/me/calendar/rotate", nil),
        "GET /api/v1/me/shares": (.get, "/api/v1/me/shares", nil),
        "POST /api/v1/me/shares": (.post, "/api/v1/me/shares", nil),
        "DELETE /api/v1/me/shares/{shareId}": (.delete, "/api/v1/me/shares/6f1c1b9e-0000-4000-8000-000000000000", nil),
        "GET /api/v1/me/care-log": (.get, "/api/v1/me/care-log", nil),
        "GET /api/v1/me/reminders": (.get, "/api/v1/me/reminders", nil),
        "PUT /api/v1/me/reminders": (.put, "/api/v1/me/reminders", #"{"enabled":true,"days":[0,2],"time":"08:30"}"#),
        "POST /api/v1/me/reminders/test": (.post, "/api/v1/me/reminders/test", nil),
        "POST /api/v1/me/push-subscriptions": (
            .post, "/api/v1/me/push-subscriptions", #"{"endpoint":"https://push.example.test/a","keys":{"p256dh":"x","auth":"y"}}"#
        ),
        "DELETE /api/v1/me/push-subscriptions": (
            .delete, "/api/v1/me/push-subscriptions?endpoint=https%3A%2F%2Fpush.example.test%2Fa", nil
        ),
    ]

    @Test("Missing, malformed, unknown or revoked tokens get 401 on every protected route")
    func unauthorized() async throws {
        try await TestApp.run { app in
            let protected = app.routes.filter { $0.contains(" /api/v1/me") }
            #expect(Set(Self.samples.keys) == protected, "add a sample for every /api/v1/me route")
            let revoked = try await app.signUp()
            _ = try await app.request(.delete, "/api/v1/me/token", token: revoked)
            for (route, sample) in Self.samples {
                for token in [nil, "", "not-a-real-token", revoked] {
                    var headers: HTTPFields = [:]
                    if let token { headers[.authorization] = "Bearer \(token)" }
                    let response = try await app.client.execute(uri: sample.uri, method: sample.method, headers: headers, body: nil)
                    #expect(response.status == .unauthorized, "\(route) with \(token ?? "no token")")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                }
            }
        }
    }

    @Test("The bearer scheme is read in any case, with spaces around the token; other schemes and shapes sign in nobody")
    func bearerHeaderForms() async throws {
        try await TestApp.run { app in
            let token = try await app.signUp()
            let accepted = ["Bearer \(token)", "bearer \(token)", "BEARER \(token)", "Bearer   \(token)  ", "Bearer \t\(token)"]
            let refused = [
                "Basic \(token)", "Bearer", "Bearer ", "Bearer    ", "Bearer\(token)", "Bearerx \(token)", "Bea \(token)", "\(token)",
                "Bearer \(token)x", "Bearer \(token.dropLast())",
            ]
            for (header, status) in accepted.map({ ($0, HTTPResponse.Status.ok) }) + refused.map({ ($0, .unauthorized) }) {
                let response = try await app.client.execute(
                    uri: "/api/v1/me/reminders", method: .get, headers: [.authorization: header], body: nil)
                #expect(response.status == status, "Authorization: \(header.debugDescription)")
            }
        }
    }

    @Test("Another user's token sees none of the first user's data and changes nothing")
    func isolation() async throws {
        try await TestApp.run { app in
            let owner = try await app.onboardedUser()
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: owner, json: #"{"pain":6,"note":"private note"}"#)
            let before = try await app.request(.get, "/api/v1/me/export.csv", token: owner).text
            let other = try await app.signUp()
            for (route, sample) in Self.samples where sample.method == .get {
                let response = try await app.request(sample.method, sample.uri, token: other)
                #expect(!response.text.contains("private note"), "\(route) leaked the other user's note")
                #expect(!response.text.contains("\"pain\":6"), "\(route) leaked the other user's pain score")
            }
            #expect(try await app.request(.get, "/api/v1/me/program", token: other).status == .notFound)
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: other, json: #"{"pain":1}"#)
            _ = try await app.request(.delete, "/api/v1/me", token: other)
            #expect(try await app.request(.get, "/api/v1/me/export.csv", token: owner).text == before)
        }
    }
}
