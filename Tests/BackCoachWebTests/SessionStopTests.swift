import Foundation
import Testing

/// Dizziness, bleeding, scar pain or chest pain during a session stop it at once with the right advice.
@Suite("Stopping a session because something is wrong")
struct SessionStopTests {
    @Test(
        "Each stop sign gives its flag's advice and pauses the program; an unknown one is refused",
        arguments: [
            ("faint", "Please stop and get help now", "Heavy bleeding"), ("chest", "Please stop and get help now", "Chest pain"),
            ("wound", "Please contact a health professional today", "scar or stitches"),
        ])
    func stops(sign: String, heading: String, flag: String) async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            #expect(try await browser.get("/session").text.contains(#"href="/session/stop""#))
            let form = try await browser.get("/session/stop")
            #expect(form.status == .ok && form.text.contains(#"name="sign" value="\#(sign)""#))
            #expect(try await browser.post("/session/stop", [("sign", "sneezing")]).status == .badRequest)
            try await browser.get("/session/stop")
            let stop = try await browser.post("/session/stop", [("sign", sign)])
            #expect(stop.text.contains(heading) && stop.text.contains(flag), "\(sign)")
            #expect(stop.text.contains(#"class="contacts""#))
            #expect(try await browser.get("/today").text.contains("Your program is paused"))
            #expect(try await browser.get("/session").headers[.location] == "/today", "no session after a stop")
        }
    }
}

@Suite("Symptoms reported in a session reach her plan")
struct ReportedSymptomRouteTests {
    @Test("A leak logged through the API raises RF-17 on the plan, on the API and the page")
    func leak() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            try await app.clearSafetyCheck(token)
            let session = #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true,"painDuring":1,"symptoms":["leaking"]}]}"#
            let logged = try await app.request(.post, "/api/v1/me/sessions", token: token, json: session)
            #expect(((try logged.object()["decisions"] as? [[String: Any]])?.first?["reason"] as? String)?.contains("physio") == true)
            let flags = try await app.request(.get, "/api/v1/me/program", token: token).object()["triage"] as? [String: Any]
            #expect((flags?["flags"] as? [[String: Any]])?.contains { $0["id"] as? String == "RF-17" } == true)
        }
    }
}
