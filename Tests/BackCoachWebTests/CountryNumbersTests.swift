import Foundation
import Testing

/// Where she lives decides the numbers she is shown: the same on the API and the pages.
@Suite("Her country's numbers on every interface")
struct CountryNumbersTests {
    static func dials(_ contacts: Any?, _ kind: String) -> [String] {
        ((contacts as? [String: Any])?[kind] as? [[String: Any]])?.compactMap { $0["dial"] as? String } ?? []
    }

    @Test("GET/PUT /api/v1/me/profile: country and time zone are checked, normalised, and a bad field stores nothing")
    func profile() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let fresh = try await app.request(.get, "/api/v1/me/profile", token: token)
            expectMatchesSchema(fresh, "GET", "/api/v1/me/profile")
            #expect(try fresh.object()["country"] == nil, "not said yet")
            let fallback = try #require(try fresh.object()["contacts"] as? [String: Any])
            #expect(fallback["emergencyText"] is String && Self.dials(fallback, "emergency").isEmpty)

            let set = try await app.request(
                .put, "/api/v1/me/profile", token: token, json: #"{"country":" ie ","timeZone":"Europe/Dublin"}"#)
            expectMatchesSchema(set, "PUT", "/api/v1/me/profile")
            #expect(try set.object()["country"] as? String == "IE" && set.object()["timeZone"] as? String == "Europe/Dublin")
            #expect(Self.dials(try set.object()["contacts"], "crisis").contains("116123"))

            for bad in [
                #"{"country":"Narnia"}"#, #"{"country":"EU"}"#, #"{"timeZone":"Mars/Olympus"}"#, #"{"country":"FR","painCeiling":9}"#,
                #"{"country":7}"#, #"{"city":"Cork"}"#,
            ] {
                let refused = try await app.request(.put, "/api/v1/me/profile", token: token, json: bad)
                #expect(refused.status == .badRequest && !refused.detail.isEmpty, "\(bad)")
            }
            let after = try await app.request(.get, "/api/v1/me/profile", token: token).object()
            #expect(after["country"] as? String == "IE", "a refused change stores nothing, not even its good fields")
            let cleared = try await app.request(.put, "/api/v1/me/profile", token: token, json: #"{"country":""}"#).object()
            #expect(cleared["country"] == nil && cleared["timeZone"] as? String == "Europe/Dublin")
        }
    }

    @Test("Sign-up takes a country: the API field, and the form preselected from the browser's language")
    func signUp() async throws {
        try await TestApp.run { app in
            let created = try await app.request(
                .post, "/api/v1/accounts", json: #"{"email":"nz@example.test","password":"correct horse battery","country":"nz"}"#)
            let token = try #require(try created.object()["token"] as? String)
            #expect(try await app.request(.get, "/api/v1/me/profile", token: token).object()["country"] as? String == "NZ")
            let refused = try await app.request(
                .post, "/api/v1/accounts", json: #"{"email":"x@example.test","password":"correct horse battery","country":"XQ"}"#)
            #expect(refused.status == .badRequest && refused.detail.contains("country"))
            #expect(
                try await app.request(.post, "/api/v1/tokens", json: #"{"email":"x@example.test","password":"correct horse battery"}"#)
                    .status == .unauthorized, "no account was made")

            let page = try await app.request(.get, "/signup", headers: [.acceptLanguage: "en-AU,en;q=0.8"]).text
            #expect(page.contains(#"<option value="AU" selected>Australia</option>"#))
            let browser = Browser(app)
            try await browser.get("/signup")
            let signedUp = try await browser.post(
                "/signup",
                [("email", "ca@example.test"), ("password", "correct horse battery"), ("country", "CA"), ("timeZone", "America/Toronto")])
            #expect(signedUp.status == .seeOther)
            let settings = try await browser.get("/settings").text
            #expect(settings.contains(#"<option value="CA" selected>Canada</option>"#))
            #expect(settings.contains(#"<option value="America/Toronto" selected>"#))
        }
    }

    @Test("A withheld day shows her country's numbers on the Today page and in GET /api/v1/me/today")
    func withheldToday() async throws {
        try await TestApp.run { app in
            let urgent = Samples.intake.replacingOccurrences(of: #""equipment": []"#, with: #""equipment": [], "redFlags": ["RF-02"]"#)
            let token = try await app.onboardedUser(intake: urgent)
            _ = try await app.request(.put, "/api/v1/me/profile", token: token, json: #"{"country":"AU"}"#)
            let today = try await app.request(.get, "/api/v1/me/today", token: token)
            expectMatchesSchema(today, "GET", "/api/v1/me/today")
            #expect(try today.object()["status"] as? String == "withheld")
            #expect(Self.dials(try today.object()["contacts"], "emergency").first == "000")

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/settings")
            #expect(try await browser.post("/settings/place", [("country", "Atlantis")]).status == .badRequest)
            let saved = try await browser.post("/settings/place", [("country", "US"), ("timeZone", "America/Chicago")])
            #expect(saved.text.contains("You will see the numbers for United States"))
            try await browser.get("/today")
            let stop = try await browser.post("/today/screen", browser.screenAnswers(yes: ["RF-02"]))
            #expect(stop.text.contains(#"href="tel:911""#) && !stop.text.contains(#"href="tel:999""#))
            let paused = try await browser.get("/today").text
            #expect(paused.contains(#"href="tel:911""#) && paused.contains("Your program is paused"))
        }
    }

    @Test("A follow-up's yes makes the check an emergency on the API and the page; the page asks it only after a yes")
    func followUps() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let api = try await app.request(
                .post, "/api/v1/me/screens", token: token,
                json:
                    #"{"date":"2026-11-25","redFlags":["RF-06"],"redFlagFollowUps":["RF-06-sepsis"],"painAtRest":2,"painWorsening":false}"#)
            expectMatchesSchema(api, "POST", "/api/v1/me/screens")
            #expect(try api.object()["level"] as? String == "emergency" && api.object()["timing"] as? String == "now")
            #expect(try api.object()["contacts"] is [String: Any])

            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let today = try await browser.get("/today").text
            #expect(today.contains(#"data-follows="rf.RF-06""#) && today.contains(#"name="fu.RF-06-sepsis""#))
            #expect(today.contains(#"name="rf.RF-10.1""#) && !today.contains(#"name="rf.RF-10""#), "RF-10 is asked in parts")
            // "Yes" to fever with the sepsis question left out: asked again, nothing stored.
            let unanswered = browser.screenAnswers(yes: ["RF-06"]).filter { $0.0 != "fu.RF-06-sepsis" }
            #expect(try await browser.post("/today/screen", unanswered).status == .badRequest)
            try await browser.get("/today")
            let stop = try await browser.post("/today/screen", browser.screenAnswers(yes: ["RF-06", "RF-06-sepsis"]))
            #expect(stop.text.contains("Please stop and get help now") && stop.text.contains("sepsis"))
        }
    }

    @Test("One part of RF-10 answered not sure stops the wizard at once with emergency advice")
    func caudaEquinaPart() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let first = try await browser.signUp(email: "ces@example.test")
            let answers = Browser.noToSafety(on: first)
            let second = try await browser.submit("/start", [("step", "0"), ("nav", "next")] + answers).text
            let parts = Browser.safetyFields(in: second).filter { $0.hasPrefix("rf.RF-10.") }
            #expect(parts.count == 7)
            let rest = Browser.safetyFields(in: second).filter { $0.hasPrefix("rf.") }
                .map { ($0, $0 == "rf.RF-10.3" ? "notSure" : "no") }
            let stop = try await browser.submit("/start", [("step", "1"), ("nav", "next")] + answers + rest)
            #expect(stop.text.contains("Please stop and get help now") && stop.text.contains("emergency department"))
            #expect(try await browser.get("/plan").headers[.location] == "/start", "no plan saved")
        }
    }

    @Test("GET /api/v1/questions lists RF-10's parts and every follow-up")
    func questions() async throws {
        try await TestApp.run { app in
            let response = try await app.request(.get, "/api/v1/questions")
            expectMatchesSchema(response, "GET", "/api/v1/questions")
            let flags = try #require(try response.object()["redFlags"] as? [[String: Any]])
            #expect((flags.first { $0["id"] as? String == "RF-10" }?["items"] as? [String])?.count == 7)
            let followUps = flags.flatMap { ($0["followUps"] as? [[String: Any]]) ?? [] }.compactMap { $0["id"] as? String }
            #expect(Set(followUps) == ["RF-06-sepsis", "RF-08-severe", "RF-09-severe", "RF-11-rapid", "RF-12-cannotMove"])
        }
    }
}
