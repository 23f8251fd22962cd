import Foundation
import Testing

/// The return-to-running check through the API and the plan page: it waits until the last phase, and the same
/// answers get the same verdict on both.
@Suite("Return to running: API and page")
struct RunningCheckTests {
    static let lastPhase = Samples.intake.replacingOccurrences(of: #""weeksSinceBirth": 8"#, with: #""weeksSinceBirth": 20"#)

    /// Every item the API lists, answered well.
    static func goodAnswers(_ check: [String: Any]) -> [String: String] {
        let items = check["items"] as? [[String: Any]] ?? []
        return Dictionary(
            uniqueKeysWithValues: items.compactMap { item -> (String, String)? in
                guard let id = item["id"] as? String, let kind = item["kind"] as? String else { return nil }
                if kind == "question" { return (id, item["stopAnswer"] as? String == "yes" ? "no" : "yes") }
                return (id, "passed")
            })
    }

    static func json(_ answers: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["answers": answers]), as: UTF8.self)
    }

    @Test("Before the last phase the check waits and says when it opens; the plan page doesn't offer it")
    func waits() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let check = try await app.request(.get, "/api/v1/me/running-check", token: token)
            expectMatchesSchema(check, "GET", "/api/v1/me/running-check")
            let object = try check.object()
            #expect(object["available"] as? Bool == false)
            let waiting = try #require(object["waiting"] as? [String: Any])
            #expect(waiting["verdict"] as? String == "tooEarly" && waiting["availableFrom"] as? String == "2026-12-23")
            let answered = try await app.request(
                .post, "/api/v1/me/running-check", token: token, json: try Self.json(Self.goodAnswers(object)))
            #expect(try answered.object()["verdict"] as? String == "tooEarly")

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            #expect(!(try await browser.get("/plan").text.contains("/plan/running")))
            let page = try await browser.get("/plan/running").text
            #expect(page.contains("Not yet") && !page.contains(#"action="/plan/running""#))
        }
    }

    @Test("In the last phase: the same answers give the same verdict on the API and the page")
    func sameVerdict() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser(intake: Self.lastPhase)
            let check = try await app.request(.get, "/api/v1/me/running-check", token: token).object()
            #expect(check["available"] as? Bool == true)
            var answers = Self.goodAnswers(check)
            let ready = try await app.request(.post, "/api/v1/me/running-check", token: token, json: try Self.json(answers))
            expectMatchesSchema(ready, "POST", "/api/v1/me/running-check")
            #expect(try ready.object()["verdict"] as? String == "ready")
            answers["hop"] = "symptoms"
            let physio = try await app.request(.post, "/api/v1/me/running-check", token: token, json: try Self.json(answers)).object()
            #expect(physio["verdict"] as? String == "seePhysio")
            answers["hop"] = nil
            let missing = try await app.request(.post, "/api/v1/me/running-check", token: token, json: try Self.json(answers))
            #expect(missing.status == .badRequest && missing.detail.hasPrefix("hop is required"))

            let browser = Browser(app)
            try await browser.signUpAndOnboard(weeks: 20)
            #expect(try await browser.get("/plan").text.contains(#"href="/plan/running""#))
            try await browser.get("/plan/running")
            var fields = Self.goodAnswers(check).map { ("item.\($0.key)", $0.value) }
            let result = try await browser.post("/plan/running", fields)
            #expect(result.status == .ok && result.text.contains("You can start a gentle, graded return to running"))
            try await browser.get("/plan/running")
            fields = fields.map { $0.0 == "item.hop" ? ($0.0, "symptoms") : $0 }
            #expect(try await browser.post("/plan/running", fields).text.contains("See a pelvic-health physio before you start running"))
            try await browser.get("/plan/running")
            let incomplete = try await browser.post("/plan/running", fields.filter { $0.0 != "item.hop" })
            #expect(incomplete.status == .badRequest && incomplete.text.contains("Please answer every question"))
        }
    }

    @Test("While the plan is withheld for a safety reason, the check is refused with 409")
    func withheld() async throws {
        try await TestApp.run { app in
            let intake = Self.lastPhase.replacingOccurrences(of: #""painAtRest": 4"#, with: #""painAtRest": 4, "redFlags": ["RF-10"]"#)
            let token = try await app.onboardedUser(intake: intake)
            let check = try await app.request(.get, "/api/v1/me/running-check", token: token)
            #expect(check.status == .conflict && check.detail.contains("safety"))
        }
    }
}
