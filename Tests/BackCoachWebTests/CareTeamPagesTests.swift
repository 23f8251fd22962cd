import Foundation
import HTTPTypes
import Testing

extension CareTeamTests {
    /// Every form on the clinician's pages, with fields that would change something ("{id}" is her id).
    static let clinicianForms: [(String, [(String, String)])] = [
        ("/clinician/link", [("code", "AAAA-BBBB-CCCC")]),
        ("/clinician/clients/{id}/adjust", [("kind", "note"), ("note", "x"), ("reason", "y")]),
    ]

    /// A mother who shared with a clinician signed in in another browser; returns both browsers and her page.
    static func sharedInBrowsers(_ app: TestApp) async throws -> (mother: Browser, clinician: Browser, page: String) {
        let mother = Browser(app)
        try await mother.signUpAndOnboard()
        try await mother.get("/settings/sharing")
        let made = try await mother.post("/settings/sharing", [])
        let code = try #require(made.text.firstMatch(of: /class="code"[^>]*>([A-Z0-9-]+)</).map { String($0.1) })
        let clinician = Browser(app)
        try await clinician.signUpAsClinician()
        try await clinician.get("/clinician")
        let page = try #require(try await clinician.post("/clinician/link", [("code", code)]).headers[.location])
        return (mother, clinician, page)
    }

    @Test("The clinician's forms refuse a missing or wrong CSRF token with 403 and change nothing")
    func clinicianCSRF() async throws {
        try await TestApp.run { app in
            let (mother, clinician, page) = try await Self.sharedInBrowsers(app)
            let id = String(page.dropFirst("/clinician/clients/".count))
            try await clinician.get(page)
            for (path, fields) in Self.clinicianForms {
                for token in ["", "forged"] {
                    let response = try await clinician.post(path.replacingOccurrences(of: "{id}", with: id), fields, csrf: token)
                    #expect(response.status == .forbidden, "\(path) with \(token.isEmpty ? "no" : "a wrong") token")
                }
            }
            let log = try await mother.get("/settings/sharing").text
            #expect(!log.contains("Left a note"), "nothing changed")
        }
    }

    @Test("Every clinician page renders with the layout, the disclaimer, no inline script or style, and says it was shared by the client")
    func clinicianPagesRender() async throws {
        try await TestApp.run { app in
            let (_, clinician, page) = try await Self.sharedInBrowsers(app)
            for path in ["/clinician", page, page + "/summary"] {
                let text = try await clinician.get(path).text
                #expect(text.hasPrefix("<!doctype html>"), "\(path)")
                #expect(text.contains("education, not medical advice"), "\(path)")
                #expect(text.contains("Shared by the client"), "\(path)")
                #expect(!text.contains("{{") && !text.contains("<script>") && !text.contains("style=\""), "\(path)")
            }
            let signUp = try await Browser(app).get("/clinician/signup").text
            #expect(signUp.contains("BackCoach cannot check a registration"))
        }
    }
}

extension CareTeamTests {
    @Test("A check-in pain that stops her day (RF-16) and a check that pauses her plan both reach her clinician first")
    func stopsReachTheClinician() async throws {
        try await TestApp.run { app in
            let (mother, clinician, page) = try await Self.sharedInBrowsers(app)
            try await mother.get("/checkin")
            try await mother.post("/checkin", [("pain", "8")])
            let list = try await clinician.get("/clinician").text
            #expect(list.contains("A safety check stopped her plan on Wednesday 25 November. Flags: RF-16."), "\(list)")
            // The next day she answers yes to a flag that stops the plan until she is seen.
            app.clock.advance(seconds: 86_400)
            try await mother.get("/today")
            try await mother.post("/today/screen", mother.screenAnswers(yes: ["RF-07"]))
            let record = try await clinician.get(page).text
            #expect(record.contains("A safety check since her intake has paused her plan."))
            #expect(!record.contains("the plan runs, modified"))
        }
    }
}
