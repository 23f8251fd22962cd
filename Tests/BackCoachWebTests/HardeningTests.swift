import BackCoachServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The low findings of the outside probe, one test each (each failed before its fix).
@Suite("Hardening from the outside probe")
struct HardeningTests {
    @Test("CSV: a note with a bare LF or CR is quoted, so its row stays one row")
    func csvBareLineBreaks() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-24", token: token, json: #"{"pain":2,"note":"one\ntwo"}"#)
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3,"note":"three\rfour"}"#)
            let csv = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
            #expect(csv.contains("\"one\ntwo\"") && csv.contains("\"three\rfour\""))
            #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("checkin,") }.count == 2)
        }
    }

    @Test("HEAD answers like GET without a body, on pages and /healthz")
    func head() async throws {
        try await TestApp.run { app in
            for path in ["/healthz", "/", "/learn", "/disclaimer"] {
                let response = try await app.request(.head, path)
                #expect(response.status == .ok, "\(path)")
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("A new calendar link gives events new UIDs, so the old feed can't be matched to the new one")
    func calendarUIDs() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            func uids() async throws -> Set<String> {
                let link = try await app.request(.get, "/api/v1/me/calendar", token: token).object()["url"] as? String ?? ""
                let feed = try await app.request(.get, String(link.dropFirst("http://backcoach.test".count))).text
                return Set(feed.matches(of: /UID:([^\r\n]+)/).map { String($0.1) })
            }
            let before = try await uids()
            _ = try await app.request(.post, "/api/v1/me/calendar/rotate", token: token)
            let after = try await uids()
            #expect(!before.isEmpty && before.isDisjoint(with: after))
        }
    }

    @Test("E-mails in NFC and NFD, or with a control character: one account, or refused")
    func emailSpellings() async throws {
        try await TestApp.run { app in
            _ = try await app.signUp("jos\u{E9}@example.test")
            let decomposed = try await app.request(
                .post, "/api/v1/accounts", json: #"{"email":"jose\#u{301}@example.test","password":"correct horse battery"}"#)
            #expect(decomposed.status == .conflict)
            let control = try await app.request(
                .post, "/api/v1/accounts", json: #"{"email":"a\u202E@example.test","password":"correct horse battery"}"#)
            #expect(control.status == .badRequest)
        }
    }

    @Test("A form with broken percent-encoding is refused and saves nothing")
    func brokenForm() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            let token = try #require(browser.csrfToken)
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let response = try await app.client.execute(
                uri: "/checkin", method: .post, headers: headers, body: ByteBuffer(string: "_csrf=\(token)&pain=4&note=%E0%A4%A"))
            #expect(response.status == .badRequest)
            #expect(try await browser.get("/settings/export.csv").text.components(separatedBy: "\r\n").count == 2)
        }
    }

    @Test("The pre-sign-in CSRF cookie is never echoed back unless it is one of ours")
    func csrfCookieEcho() async throws {
        try await TestApp.run { app in
            let response = try await app.client.execute(
                uri: "/signin", method: .get, headers: [.cookie: "bc_csrf=attacker-chosen; Path=/evil"])
            let cookie = response.headers[.setCookie] ?? ""
            #expect(!cookie.contains("attacker-chosen") && cookie.hasPrefix("bc_csrf="))
            let forged = try await app.client.execute(
                uri: "/signin", method: .post, headers: [.cookie: "bc_csrf=x", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=x&email=a%40b.cd&password=0123456789"))
            #expect(forged.status == .forbidden)
        }
    }
}

@Suite("Logs")
struct LogTests {
    @Test("No credential and no health text in the log: calendar secret, tokens, e-mail, password, search words")
    func nothingSecret() async throws {
        try await TestApp.run { app in
            let email = "logged-\(UUID())@example.test"
            let token = try await app.signUp(email, password: "a very secret passphrase")
            _ = try await app.request(.put, "/api/v1/me/intake", token: token, json: Samples.intake)
            let link = try await app.request(.get, "/api/v1/me/calendar", token: token).object()["url"] as? String ?? ""
            let secret = String(link.split(separator: "/").last?.dropLast(4) ?? "")
            _ = try await app.request(.get, "/calendar/\(secret).ics")
            _ = try await app.request(.get, "/calendar/not-a-secret-\(secret.prefix(5)).ics")
            _ = try await app.request(.get, "/search?q=leaking+after+birth+zqxj")
            _ = try await app.request(.get, "/api/v1/search?q=heavy%20bleeding%20zqxj")
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3,"note":"private zqxj note"}"#)
            let log = app.logs.lines.joined(separator: "\n")
            #expect(log.contains("hb.request.route"), "the requests were logged")
            for word in [secret, token, email, "a very secret passphrase", "zqxj", "leaking", "bleeding"] {
                #expect(!log.contains(word), "the log holds \(word.prefix(12))")
            }
        }
    }
}

@Suite("Strict JSON on the API")
struct StrictJSONRouteTests {
    @Test("A JSON body needs Content-Type application/json (415 otherwise), and duplicate keys are refused; nothing is saved")
    func strict() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16"] {
                let response = try await app.client.execute(
                    uri: "/api/v1/me/checkins/2026-11-25", method: .put,
                    headers: [.authorization: "Bearer \(token)", .contentType: contentType], body: ByteBuffer(string: #"{"pain":3}"#))
                #expect(response.status == .unsupportedMediaType, "\(contentType)")
            }
            let missing = try await app.client.execute(
                uri: "/api/v1/me/checkins/2026-11-25", method: .put, headers: [.authorization: "Bearer \(token)"],
                body: ByteBuffer(string: #"{"pain":3}"#))
            #expect(missing.status == .unsupportedMediaType)
            let twice = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3,"pain":9}"#)
            #expect(twice.status == .badRequest && twice.detail.contains("appears twice"))
            let trailing = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":3,}"#)
            #expect(trailing.status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/me/export.csv", token: token).text.components(separatedBy: "\r\n").count == 2)
        }
    }
}

@Suite("Erasing an account while its requests are in flight")
struct ErasureInFlightTests {
    @Test("Every request racing the erasure gets 2xx, 401, 404 or 409, never a 500", arguments: StoreKind.available)
    func noServerErrors(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            for _ in 0..<5 {
                let token = try await app.onboardedUser()
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    group.addTask { Int(try await app.request(.delete, "/api/v1/me", token: token).status.code) }
                    for index in 0..<24 {
                        group.addTask {
                            let response: TestResponse
                            switch index % 4 {
                            case 0:
                                response = try await app.request(
                                    .put, "/api/v1/me/checkins/2026-11-2\(index % 5)", token: token, json: #"{"pain":2}"#)
                            case 1:
                                response = try await app.request(
                                    .post, "/api/v1/me/screens", token: token,
                                    json: #"{"date":"2026-11-25","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
                            case 2: response = try await app.request(.put, "/api/v1/me/intake", token: token, json: Samples.intake)
                            default:
                                response = try await app.request(
                                    .post, "/api/v1/me/sessions", token: token,
                                    json: #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#)
                            }
                            return Int(response.status.code)
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(
                    statuses.allSatisfy { $0 < 500 }, "\(statuses.sorted()) \(app.logs.lines.filter { $0.contains("Unhandled") }.prefix(2))"
                )
            }
        }
    }
}

@Suite("Crisis search on the API and the page")
struct CrisisSearchRouteTests {
    @Test("GET /api/v1/search and /search put the help card first; a plain search has help null")
    func help() async throws {
        try await TestApp.run { app in
            let api = try await app.request(.get, "/api/v1/search?q=self%20harm")
            expectMatchesSchema(api, "GET", "/api/v1/search")
            let help = try #require(try api.object()["help"] as? [String: Any])
            #expect(help["flag"] as? String == "RF-04" && help["level"] as? String == "emergency")
            let plain = try await app.request(.get, "/api/v1/search?q=glute%20brige")
            expectMatchesSchema(plain, "GET", "/api/v1/search")
            #expect(try plain.object()["help"] == nil, "left out when no warning sign is named")
            // The help card's numbers follow ?country=, or else the browser's language (en-GB → GB).
            let us = try #require(try await app.request(.get, "/api/v1/search?q=suicidal&country=us").object()["help"] as? [String: Any])
            let contacts = try #require(us["contacts"] as? [String: Any])
            #expect((contacts["crisis"] as? [[String: Any]])?.first?["dial"] as? String == "988")
            #expect((contacts["emergency"] as? [[String: Any]])?.first?["dial"] as? String == "911")
            #expect(try await app.request(.get, "/api/v1/search?q=fever&country=Narnia").status == .badRequest)
            let page = try await app.request(.get, "/search?q=kill+myself", headers: [.acceptLanguage: "en-GB,en;q=0.9"]).text
            #expect(page.contains("role=\"alert\"") && page.contains("href=\"tel:116123\"") && page.contains("href=\"tel:999\""))
            #expect(!page.contains("href=\"tel:911\""), "never another country's number")
            let unknown = try await app.request(.get, "/search?q=kill+myself").text
            #expect(unknown.contains("call your local emergency number"), "no country known: the fallback words")
            #expect(!page.contains("/exercises/"), "no exercise offered")
            #expect(page.contains(#"value="kill myself""#), "her words come back as she typed them, not kill+myself")
        }
    }
}
