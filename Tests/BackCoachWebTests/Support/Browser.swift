import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A tiny browser for route tests: keeps cookies, reads CSRF tokens out of forms, posts forms.
final class Browser: @unchecked Sendable {
    let app: TestApp
    private(set) var cookies: [String: String] = [:]
    private(set) var lastPage = ""

    init(_ app: TestApp) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        try await send(.get, path, body: nil, headers: extra)
    }

    /// Posts a form; `_csrf` is taken from the last page unless given.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil, headers extra: HTTPFields = [:]) async throws
        -> TestResponse
    {
        let token = csrf ?? csrfToken ?? ""
        let body = ([("_csrf", token)] + fields).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(.post, path, body: body, headers: headers)
    }

    /// Posts a form and, when the answer is a redirect (post/redirect/get), loads the page it points to, as a browser does.
    @discardableResult
    func submit(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let response = try await post(path, fields)
        guard response.status == .seeOther, let location = response.headers[.location] else { return response }
        return try await get(location)
    }

    /// Posts a form body exactly as given (after the last page's `_csrf`), for bodies no browser would send.
    @discardableResult
    func postRaw(_ path: String, body: String) async throws -> TestResponse {
        try await send(
            .post, path, body: "_csrf=\(Self.encode(csrfToken ?? ""))&" + body, headers: [.contentType: "application/x-www-form-urlencoded"]
        )
    }

    var csrfToken: String? {
        lastPage.firstMatch(of: /name="_csrf" value="([^"]*)"/).map { String($0.1) }
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: String?, headers extra: HTTPFields) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await app.client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            guard let pair = header.split(separator: ";").first?.split(separator: "=", maxSplits: 1), pair.count == 2 else { continue }
            let (name, value) = (String(pair[0]), String(pair[1]))
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        if response.headers[.contentType]?.hasPrefix("text/html") == true { lastPage = response.text }
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    /// Signs up through the form (no intake yet) and opens the first wizard step, returning its page.
    @discardableResult
    func signUp(email: String = "web-\(UUID())@example.test") async throws -> String {
        try await get("/signup")
        let signUp = try await post("/signup", [("email", email), ("password", "correct horse battery")])
        guard signUp.status == .seeOther else { throw TestFailure("sign-up failed: \(signUp.status)") }
        return try await get("/start").text
    }

    /// Signs up as a clinician through the form; they land on their client list.
    func signUpAsClinician(name: String = "Ada Lane", profession: String = "Physiotherapist") async throws {
        try await get("/clinician/signup")
        let done = try await post(
            "/clinician/signup",
            [
                ("name", name), ("profession", profession), ("email", "clinician-\(UUID())@clinic.test"),
                ("password", "correct horse battery"),
            ])
        guard done.headers[.location] == "/clinician" else { throw TestFailure("clinician sign-up failed: \(done.status)") }
    }

    /// "No" to every safety question on the given wizard `page` (follow-ups aside), as form fields.
    static func noToSafety(on page: String) -> [(String, String)] {
        safetyFields(in: page).filter { $0.hasPrefix("rf.") }.map { ($0, "no") }
    }

    /// Signs up through the form and answers the whole wizard with a plain, flag-free intake.
    func signUpAndOnboard(email: String = "web-\(UUID())@example.test", weeks: Int = 9, cleared: Bool = true) async throws {
        try await signUp(email: email)
        // RF-10 is asked in seven parts; the rest one question each (follow-ups are needed only after a "yes").
        var answers: [(String, String)] =
            [
                "01", "02", "03", "04", "05", "06", "07", "08", "09", "11", "12", "13", "14", "15", "18", "19",
            ]
            .map { ("rf.RF-\($0)", "no") } + (1...7).map { ("rf.RF-10.\($0)", "no") }
        answers += [
            ("q.weeksSinceBirth", String(weeks)), ("q.delivery", "vaginal"), ("q.clinicianCleared", cleared ? "yes" : "no"),
            ("q.painAtRest", "3"),
            ("q.painWorsening", "no"), ("q.painAreas", "lowBack"), ("q.breastfeeding", "no"), ("q.minutesPerDay", "10"),
            ("q.daysPerWeek", "4"),
        ]
        let done = try await post("/start", [("step", "7"), ("nav", "next")] + answers)
        guard done.headers[.location] == "/plan" else { throw TestFailure("onboarding failed: \(done.status) \(done.text.prefix(300))") }
    }

    /// The clear before-session safety check.
    func clearScreen() async throws {
        try await get("/today")
        try await post("/today/screen", screenAnswers())
    }

    /// The names of the safety questions on `page` (`rf.RF-01`, `rf.RF-10.2`, `fu.RF-06-sepsis`), in order.
    static func safetyFields(in page: String) -> [String] {
        page.matches(of: /type="radio" id="[^"]+" name="((?:rf|fu)\.RF-[^"]+)" value="no"/).map { String($0.1) }
    }

    /// Answers for every question of the check on the last page: "no", except the red flags (e.g. "RF-06", or every
    /// part of "RF-10") and follow-ups (e.g. "RF-06-sepsis") in `yes`, and a resting pain of `pain`.
    func screenAnswers(yes: Set<String> = [], pain: Int = 2, worse: Bool = false) -> [(String, String)] {
        Self.safetyFields(in: lastPage).map { name in
            let id = String(name.dropFirst(3))
            let raised = yes.contains(id) || (name.hasPrefix("rf.") && yes.contains(String(id.prefix(5))))
            return (name, raised ? "yes" : "no")
        }
            + [("painAtRest", String(pain)), ("painWorsening", worse ? "yes" : "no")]
            + (lastPage.contains(#"name="seen""#) ? [("seen", "yes")] : [])
    }
}
