import BackCoachContent
import Testing

/// Notes meant for the team (reviewer notes, reference codes like "C2" or "[S16]", internal ids) never reach a
/// mother's screen or the file she downloads.
@Suite("No internal text on her screen")
struct InternalTextTests {
    static func internalText(in html: String) -> [String] {
        var found: [String] = []
        if html.localizedCaseInsensitiveContains("clinician review") { found.append("a reviewer's note") }
        for match in html.matches(of: /(?:·|\[)\s*(?:[A-E]\d[a-z]?|S\d{1,3}|CTX-\d|RF-\d\d)\b/) { found.append(String(match.output)) }
        return found
    }

    @Test("Every article and exercise page, read as she reads it")
    func pages() async throws {
        let content = try ContentLibrary.bundled()
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            var paths = content.articles.map { "/learn/\($0.slug)" } + content.catalogue.exercises.map { "/exercises/\($0.id)" }
            paths += ["/plan", "/today", "/learn", "/progress", "/checkin", "/settings"]
            for path in paths {
                let html = try await browser.get(path).text
                #expect(Self.internalText(in: html).isEmpty, "\(path): \(Self.internalText(in: html))")
            }
        }
    }

    @Test("The CSV names exercises by their titles and answers in words")
    func export() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            _ = try await app.request(
                .post, "/api/v1/me/sessions", token: token,
                json: #"{"date":"2026-11-25","exercises":[{"id":"glute-bridge","completed":true,"difficulty":"tooEasy"}]}"#)
            let csv = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
            #expect(csv.contains(",Glute bridge,yes,too easy,") && !csv.contains("glute-bridge") && !csv.contains("tooEasy"))
        }
    }
}
