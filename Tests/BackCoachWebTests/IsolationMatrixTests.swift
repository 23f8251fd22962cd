import Foundation
import HTTPTypes
import Testing

/// Every route the router has × every role × own, shared, revoked and other: generated from the router, so a new
/// route fails here until it is placed in one of the classes below.
@Suite("Isolation matrix: who reaches what")
struct IsolationMatrixTests {
    /// Routes anyone may call, signed in or not.
    static let publicRoutes: Set<String> = [
        "GET /", "GET /disclaimer", "GET /signup", "POST /signup", "GET /signin", "POST /signin", "POST /signout", "GET /forgot",
        "POST /forgot", "POST /recover", "GET /reset", "POST /reset", "GET /learn", "GET /learn/{slug}",
        "GET /exercises/{id}", "GET /search", "GET /assets/{name}", "GET /figures/{file}", "GET /manifest.webmanifest", "GET /sw.js",
        "GET /clinician/signup", "POST /clinician/signup", "GET /healthz", "GET /metrics", "GET /openapi.yaml", "GET /calendar/{feed}",
        "GET /fhir/Questionnaire/psfs", "GET /api/v1/exercises", "GET /api/v1/exercises/{id}", "GET /api/v1/articles",
        "GET /api/v1/articles/{slug}", "GET /api/v1/search", "GET /api/v1/questions", "POST /api/v1/accounts", "POST /api/v1/tokens",
        "POST /api/v1/recovery", "POST /api/v1/password-resets", "POST /api/v1/clinician/accounts",
    ]

    enum Kind { case clinicianClient, clinician, motherAPI, motherPage, open }

    static func kind(of route: String) -> Kind {
        if publicRoutes.contains(route) { return .open }
        let path = String(route.split(separator: " ", maxSplits: 1)[1])
        if path.hasPrefix("/clinician/clients/{id}") || path.hasPrefix("/api/v1/clinician/clients/{clientId}") { return .clinicianClient }
        if path.hasPrefix("/clinician") || path.hasPrefix("/api/v1/clinician/") { return .clinician }
        if path.hasPrefix("/api/v1/me") { return .motherAPI }
        return .motherPage
    }

    /// A concrete address for a route pattern.
    static func uri(_ route: String, client: String) -> (HTTPRequest.Method, String) {
        let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
        let path = parts[1].replacingOccurrences(of: "{id}", with: client).replacingOccurrences(of: "{clientId}", with: client)
            .replacingOccurrences(of: "{date}", with: Samples.today).replacingOccurrences(of: "{shareId}", with: UUID().uuidString)
        return (HTTPRequest.Method(parts[0])!, path)
    }

    @Test("Every route is classified: a new one fails until it is")
    func everyRouteClassified() async throws {
        try await TestApp.run { app in
            let unknownPublic = Self.publicRoutes.subtracting(app.routes)
            #expect(unknownPublic.isEmpty, "listed as public but not routed: \(unknownPublic)")
            #expect(app.routes.contains { Self.kind(of: $0) == .clinicianClient })
        }
    }

    @Test("Mother, clinician with her share, clinician after she revoked, clinician she never shared with, and nobody")
    func matrix() async throws {
        try await TestApp.run { app in
            let (mother, shared, client, _) = try await CareTeamTests.shared(app)
            // A second clinician, who once had a share of this mother's that she revoked.
            let (_, revoked, _, _) = try await CareTeamTests.shared(app)
            // A clinician she never shared with.
            let other = try await app.request(.post, "/api/v1/clinician/accounts", json: CareTeamTests.clinicianBody)
            let stranger = try other.object()["token"] as? String ?? ""
            // She shares with the second clinician too, then revokes: revoked for this very client.
            let invitation = try await app.request(.post, "/api/v1/me/shares", token: mother)
            let code = try invitation.object()["code"] as? String ?? ""
            _ = try await app.request(.post, "/api/v1/clinician/shares", token: revoked, json: #"{"code":"\#(code)"}"#)
            let again = try invitation.object()["id"] as? String ?? ""
            #expect(try await app.request(.delete, "/api/v1/me/shares/\(again)", token: mother).status == .noContent)
            let (motherWeb, clinicianWeb, page) = try await CareTeamTests.sharedInBrowsers(app)
            let webClient = String(page.dropFirst("/clinician/clients/".count))
            let strangerWeb = Browser(app)
            try await strangerWeb.signUpAsClinician(name: "Bo Grey", profession: "Midwife")

            var checked: [String: Int] = [:]
            for route in app.routes.sorted() {
                let isAPI = route.contains(" /api/")
                checked["\(Self.kind(of: route))", default: 0] += 1
                switch Self.kind(of: route) {
                case .open:
                    continue
                case .clinicianClient:
                    if isAPI {
                        let (method, uri) = Self.uri(route, client: client)
                        let body = method == .post ? #"{"kind":"note","reason":"matrix"}"# : nil
                        #expect(try await app.request(method, uri, token: shared, json: body).status.code < 300, "shared: \(route)")
                        #expect(try await app.request(method, uri, token: revoked, json: body).status == .notFound, "revoked: \(route)")
                        #expect(try await app.request(method, uri, token: stranger, json: body).status == .notFound, "other: \(route)")
                        #expect(try await app.request(method, uri, token: mother, json: body).status == .forbidden, "mother: \(route)")
                        #expect(try await app.request(method, uri, json: body).status == .unauthorized, "nobody: \(route)")
                    } else {
                        let (method, uri) = Self.uri(route, client: webClient)
                        guard method == .get else { continue }  // the adjust form: CareTeamTests and the CSRF tests
                        #expect(try await clinicianWeb.get(uri).status.code < 300, "shared: \(route)")
                        #expect(try await strangerWeb.get(uri).status == .notFound, "other: \(route)")
                        #expect(try await motherWeb.get(uri).status == .forbidden, "mother: \(route)")
                        #expect(try await Browser(app).get(uri).headers[.location] == "/signin", "nobody: \(route)")
                    }
                case .clinician:
                    let (method, uri) = Self.uri(route, client: client)
                    if isAPI {
                        let body = method == .post ? #"{"code":"NOPE-NOPE-NOPE"}"# : nil
                        #expect(try await app.request(method, uri, token: mother, json: body).status == .forbidden, "mother: \(route)")
                        #expect(try await app.request(method, uri, json: body).status == .unauthorized, "nobody: \(route)")
                    } else if method == .get {
                        #expect(try await motherWeb.get(uri).status == .forbidden, "mother: \(route)")
                        #expect(try await clinicianWeb.get(uri).status == .ok, "clinician: \(route)")
                    }
                case .motherAPI:
                    let (method, uri) = Self.uri(route, client: client)
                    let allowed = [
                        "DELETE /api/v1/me", "DELETE /api/v1/me/token", "PUT /api/v1/me/password", "PUT /api/v1/me/email",
                        "POST /api/v1/me/recovery-codes",
                    ].contains(route)
                    guard !allowed else { continue }
                    let response = try await app.request(method, uri, token: shared, json: method == .get || method == .delete ? nil : "{}")
                    #expect(response.status == .forbidden, "a clinician's token on her route: \(route)")
                case .motherPage:
                    let (method, uri) = Self.uri(route, client: client)
                    guard method == .get else { continue }
                    #expect(try await clinicianWeb.get(uri).headers[.location] == "/clinician", "a clinician on her page: \(route)")
                }
            }
            // Not vacuous: every class has routes (as of this change: 7 on one client, 5 other clinician, 28 her API, 32 her pages, 38 open).
            #expect(checked["clinicianClient", default: 0] >= 7 && checked["clinician", default: 0] >= 5, "\(checked)")
            #expect(checked["motherAPI", default: 0] >= 25 && checked["motherPage", default: 0] >= 20, "\(checked)")
        }
    }
}
