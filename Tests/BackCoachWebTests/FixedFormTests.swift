import Testing

/// Fixed-shape forms are read by Hummingbird's URL-encoded form decoder: a body it cannot read is refused with
/// a plain message and changes nothing, and a form without its token is refused before anything is read into it.
@Suite("Fixed-shape forms")
struct FixedFormTests {
    @Test(
        "Broken percent-encoding or a field sent twice gets 400 and signs nobody in",
        arguments: ["email=%zz&password=x", "email=a%40b.test&email=c%40d.test&password=x"])
    func unreadable(body: String) async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.get("/signin")
            let response = try await browser.postRaw("/signin", body: body)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("This form could not be read"))
            #expect(browser.cookies["bc_session"] == nil)
        }
    }

    @Test("A settings form without its token is refused with 403 and stores nothing")
    func noToken() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/settings")
            let response = try await browser.post("/settings/ceiling", [("ceiling", "1")], csrf: "")
            #expect(response.status == .forbidden)
            #expect(response.text.contains("This form has expired"))
            #expect(!(try await browser.get("/settings").text.contains(#"<option value="1" selected>"#)), "the limit was not saved")
            // The same form with its token is saved, so the check above can see a change.
            try await browser.post("/settings/ceiling", [("ceiling", "1")])
            #expect(try await browser.get("/settings").text.contains(#"<option value="1" selected>"#))
        }
    }
}
