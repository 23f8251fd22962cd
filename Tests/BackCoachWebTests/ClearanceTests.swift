import Testing

/// One tap on Today after the postnatal check, instead of redoing the intake: the plan moves on by the same rules
/// as new answers would.
@Suite("Cleared at the postnatal check")
struct ClearanceTests {
    @Test("Seven weeks on, not cleared: Today offers the tap; after it the plan is the one the same answers give via the API")
    func oneTap() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard(weeks: 7, cleared: false)
            let before = try await browser.get("/plan").text
            let today = try await browser.get("/today").text
            #expect(today.contains("Had your postnatal check?") && today.contains(#"action="/today/cleared""#))
            let tapped = try await browser.post("/today/cleared", [])
            #expect(tapped.headers[.location] == "/today?cleared=1")
            let after = try await browser.get("/today?cleared=1").text
            #expect(after.contains("Your plan can now move on as your sessions go well.") && !after.contains("Had your postnatal check?"))
            let plan = try await browser.get("/plan").text
            #expect(plan != before, "the plan moved on")
            #expect(!plan.contains("Please go to your postnatal check"), "the reminder to go is gone")

            // The API's door: the same answers with clinicianCleared give the same phase.
            let token = try await app.onboardedUser(
                intake: Samples.intake.replacingOccurrences(of: #""weeksSinceBirth": 8"#, with: #""weeksSinceBirth": 7"#))
            let phase = try await app.request(.get, "/api/v1/me/program", token: token).object()
            let title = try #require((phase["program"] as? [String: Any])?["phase"] as? [String: Any])["title"] as? String
            #expect(plan.contains(try #require(title)))
        }
    }

    @Test("Not offered before six weeks, or once she is cleared")
    func notOffered() async throws {
        try await TestApp.run { app in
            let early = Browser(app)
            try await early.signUpAndOnboard(weeks: 4, cleared: false)
            #expect(!(try await early.get("/today").text.contains("Had your postnatal check?")))
            let cleared = Browser(app)
            try await cleared.signUpAndOnboard(weeks: 8, cleared: true)
            #expect(!(try await cleared.get("/today").text.contains("Had your postnatal check?")))
        }
    }
}
