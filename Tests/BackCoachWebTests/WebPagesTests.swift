import BackCoachContent
import BackCoachWeb
import Foundation
import HTTPTypes
import Testing

@Suite("Web pages")
struct WebPagesTests {
    /// Every template in Resources/templates/pages, and a request that renders it.
    static let pages: [String: String] = [
        "home": "/", "disclaimer": "/disclaimer", "signup": "/signup", "signin": "/signin", "start": "/start", "plan": "/plan",
        "today": "/today", "session": "/session", "session-stop": "/session/stop", "checkin": "/checkin", "progress": "/progress",
        "learn": "/learn",
        "article": "/learn/faq", "exercise": "/exercises/clams", "search": "/search?q=bridge", "settings": "/settings",
        "error": "/no-such-page", "recover": "/forgot", "reset": "/reset?token=x", "running-check": "/plan/running",
        "sharing": "/settings/sharing",
    ]

    /// The clinician's pages (rendered for a clinician in `CareTeamTests`), and the sign-up rendered before sign-in.
    static let clinicianPages: Set<String> = ["clinician-clients", "clinician-client", "clinician-summary", "clinician-signup"]

    @Test("Every page renders for a signed-in user, with the layout, the disclaimer and no unrendered tags")
    func everyPageRenders() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            for (template, path) in Self.pages {
                let response = try await browser.get(path)
                #expect([200, 404].contains(Int(response.status.code)), "\(template): \(response.status)")
                #expect(response.text.hasPrefix("<!doctype html>"), "\(template)")
                #expect(response.text.contains("education, not medical advice"), "\(template) must link the disclaimer")
                #expect(!response.text.contains("{{"), "\(template) has an unrendered tag")
                #expect(!response.text.contains("<script>"), "\(template): no inline scripts")
                #expect(!response.text.contains("style=\""), "\(template): no inline styles")
            }
        }
    }

    @Test("Every page reads at grade 8 or below (Flesch–Kincaid on the visible text)")
    func readingLevel() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            var grades: [String: Double] = [:]
            for (template, path) in Self.pages where template != "article" {
                let html = try await browser.get(path).text
                grades[template] = ReadingLevel.grade(of: Self.visibleText(html))
            }
            #expect(grades.count == Self.pages.count - 1 && grades.values.allSatisfy { $0 > 0 })
            let hard = grades.filter { $0.value > ReadingLevel.maximumGrade }
            #expect(hard.isEmpty, "pages above grade 8: \(hard)")
        }
    }

    /// The text a person reads: scripts, styles and tags removed, one line per block. A drop-down's options (the
    /// countries, the time zones) are names to pick from, not sentences, so they don't count as reading.
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: #"<(script|style|svg|select)[\s\S]*?</\1>"#, with: "", options: .regularExpression)
            .replacingOccurrences(
                of: #"</(p|li|h1|h2|h3|legend|label|button|a|td|th|option|summary)>"#, with: "\n", options: .regularExpression
            )
            .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
                of: "&amp;", with: "&")
    }

    @Test("The templates folder has no page the suite doesn't render")
    func allTemplatesCovered() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BackCoachWeb/Resources/templates/pages")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).map { String($0.dropLast(".mustache".count)) })
        // stop and session-done are rendered by the flow tests below.
        #expect(names.subtracting(Self.pages.keys).subtracting(["stop", "session-done"]).subtracting(Self.clinicianPages) == [])
    }

    @Test("Signed-out visitors are sent to sign in")
    func signedOut() async throws {
        try await TestApp.run { app in
            for path in ["/today", "/plan", "/session", "/checkin", "/progress", "/settings", "/start"] {
                let response = try await app.request(.get, path)
                #expect(response.status == .seeOther && response.headers[.location] == "/signin", "\(path)")
            }
        }
    }

    @Test("Another signed-in user's pages and downloads show none of the first user's data; a deleted user's cookie signs nobody in")
    func isolationBetweenBrowsers() async throws {
        try await TestApp.run { app in
            let owner = Browser(app)
            let ownerEmail = "owner-\(UUID())@example.test"
            try await owner.signUpAndOnboard(email: ownerEmail)
            try await owner.get("/checkin")
            #expect(
                try await owner.post("/checkin", [("date", "2026-11-25"), ("pain", "6"), ("note", "owner's private note")]).status
                    == .seeOther)
            #expect(try await owner.get("/settings/export.csv").text.contains("owner's private note"), "the note was saved")
            let other = Browser(app)
            try await other.signUpAndOnboard()
            // Every page a signed-in person can open with GET, taken from the router so a new page is covered too.
            let pages = app.routes.filter { $0.hasPrefix("GET /") && !$0.hasPrefix("GET /api/") && !$0.contains("{") }
                .map { String($0.dropFirst("GET ".count)) }
            #expect(pages.count >= 15)
            for path in pages {
                let text = try await other.get(path).text
                #expect(!text.contains("owner's private note") && !text.contains("owner&#39;s private note"), "\(path) leaked her note")
                #expect(!text.contains(ownerEmail), "\(path) leaked her e-mail")
            }
            // She deletes her account; her old cookie no longer opens anything.
            let cookie = try #require(owner.cookies["bc_session"])
            try await owner.get("/settings")
            #expect(try await owner.post("/settings/delete", [("confirm", "DELETE")]).status == .seeOther)
            let today = try await app.client.execute(uri: "/today", method: .get, headers: [.cookie: "bc_session=\(cookie)"], body: nil)
            #expect(today.status == .seeOther && today.headers[.location] == "/signin")
        }
    }

    @Test("An emergency answer in the wizard shows the stop page and no plan")
    func emergencyStop() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUp(email: "stop@example.test")
            let answers = ["01", "02", "03", "04", "05", "06", "07", "08", "09"].map { ("rf.RF-\($0)", $0 == "05" ? "notSure" : "no") }
            let stop = try await browser.submit("/start", [("step", "0"), ("nav", "next")] + answers)
            #expect(stop.text.contains("Please stop and get help now"))
            #expect(stop.text.contains("Heavy bleeding"))
            #expect(try await browser.get("/plan").headers[.location] == "/start", "no plan was saved")
        }
    }

    @Test("A missing answer keeps her on the step with a message and her other answers kept")
    func wizardValidation() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUp(email: "v@example.test")
            let refused = try await browser.post("/start", [("step", "0"), ("nav", "next"), ("rf.RF-01", "no")])
            #expect(refused.headers[.location] == "/start?step=0&check=1", "a redirect: Back never resends the form")
            let partial = try await browser.get("/start?step=0&check=1")
            #expect(partial.text.contains("Please answer the questions marked below."))
            #expect(partial.text.contains("Please choose yes, no or not sure."))
            #expect(partial.text.contains(#"id="rf.RF-01-no" name="rf.RF-01" value="no" checked"#))
        }
    }

    @Test("A whole session through the pages: safety check, checklist, feedback and what changes")
    func sessionFlow() async throws {
        try await TestApp.run(.sqlite) { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            #expect(try await browser.get("/session").headers[.location] == "/today", "the safety check comes first")
            try await browser.clearScreen()
            let page = try await browser.get("/session")
            let ids = page.text.matches(of: /name="exercise" value="([^"]+)"/).map { String($0.1) }
            #expect(ids.count >= 4)
            var fields: [(String, String)] = []
            for (index, id) in ids.enumerated() {
                fields += [("exercise", id), ("done.\(index)", "yes"), ("difficulty.\(index)", "right"), ("pain.\(index)", "2")]
            }
            let done = try await browser.post("/session", fields)
            #expect(done.status == .ok)
            #expect(done.text.contains("What changes next time"))
            #expect(try await browser.get("/today").text.contains("Session done today"))
        }
    }

    @Test("Every state-changing form refuses a missing or wrong CSRF token with 403 and changes nothing")
    func csrf() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            let before = try await browser.get("/settings/export.csv").text
            let forms: [(String, [(String, String)])] = [
                ("/start", [("step", "0"), ("nav", "next")]), ("/today/screen", [("rf.RF-01", "no")]),
                ("/today/next-morning", [("answer", "settled")]), ("/today/cleared", []), ("/session/stop", [("sign", "faint")]),
                ("/session", [("exercise", "clams"), ("done.0", "yes")]), ("/checkin", [("pain", "5")]),
                ("/settings/ceiling", [("ceiling", "2")]), ("/settings/place", [("country", "FR")]), ("/settings/calendar", []),
                ("/settings/delete", [("confirm", "DELETE")]),
                ("/settings/password", [("current", "correct horse battery"), ("new", "another long passphrase")]),
                ("/settings/recovery-codes", []), ("/settings/schedule", [("day", "0"), ("time", "07:00")]),
                ("/settings/email", [("email", "moved@example.test"), ("password", "correct horse battery")]),
                ("/signout", []), ("/plan/running", [("item.walk", "passed")]), ("/settings/sharing", []),
                ("/settings/sharing/revoke", [("share", UUID().uuidString)]),
                ("/settings/reminders", [("enabled", "on"), ("reminderDay", "0"), ("time", "08:00")]),
                ("/settings/reminders/subscribe", [("endpoint", "https://push.example.test/a"), ("p256dh", "x"), ("auth", "y")]),
                ("/settings/reminders/unsubscribe", [("endpoint", "https://push.example.test/a")]), ("/settings/reminders/test", []),
            ]
            // Every form the router takes is listed here (or below, for the two before sign-in): a new one fails until it is.
            let postedPages = Set(
                app.routes.filter { $0.hasPrefix("POST /") && !$0.hasPrefix("POST /api/") }.map { String($0.dropFirst("POST ".count)) })
            let preSignIn = ["/signup", "/signin", "/forgot", "/recover", "/reset", "/clinician/signup"]
            #expect(postedPages == Set(forms.map(\.0)).union(preSignIn).union(CareTeamTests.clinicianForms.map(\.0)))
            for (path, fields) in forms {
                for token in ["", "forged"] {
                    let response = try await browser.post(path, fields, csrf: token)
                    #expect(response.status == .forbidden, "\(path) with \(token.isEmpty ? "no" : "a wrong") token")
                }
            }
            #expect(try await browser.get("/settings/export.csv").text == before)
            #expect(try await browser.get("/today").status == .ok, "still signed in, nothing deleted")
            // Pre-sign-in forms use a cookie-bound token.
            let stranger = Browser(app)
            #expect(
                try await stranger.post("/signup", [("email", "x@example.test"), ("password", "correct horse battery")], csrf: "forged")
                    .status == .forbidden)
            #expect(
                try await stranger.post("/signin", [("email", "x@example.test"), ("password", "correct horse battery")], csrf: "forged")
                    .status == .forbidden)
            for path in ["/forgot", "/recover", "/reset"] {
                #expect(try await stranger.post(path, [("email", "x@example.test")], csrf: "forged").status == .forbidden, "\(path)")
            }
        }
    }

    @Test("Session cookies are HttpOnly, SameSite=Lax, and Secure over TLS")
    func cookieFlags() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.get("/signup")
            let plain = try await browser.post("/signup", [("email", "c1@example.test"), ("password", "correct horse battery")])
            let cookie = try #require(plain.headers[values: .setCookie].first { $0.hasPrefix("bc_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            let tls = Browser(app)
            try await tls.get("/signup")
            let secure = try await tls.post(
                "/signup", [("email", "c2@example.test"), ("password", "correct horse battery")],
                headers: [.init("X-Forwarded-Proto")!: "https"])
            #expect(secure.headers[values: .setCookie].first { $0.hasPrefix("bc_session=") }?.contains("Secure") == true)
        }
    }

    @Test("Signing out ends the session on the server; sessions expire after 30 days")
    func signOutAndExpiry() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let stolen = browser.cookies["bc_session"] ?? ""
            try await browser.get("/today")
            #expect(try await browser.post("/signout", []).status == .seeOther)
            let replay = try await app.client.execute(uri: "/today", method: .get, headers: [.cookie: "bc_session=\(stolen)"], body: nil)
            #expect(replay.headers[.location] == "/signin", "an old cookie no longer works")

            let other = Browser(app)
            try await other.signUpAndOnboard()
            #expect(try await other.get("/today").status == .ok)
            app.clock.advance(seconds: 31 * 24 * 3600)
            #expect(try await other.get("/today").headers[.location] == "/signin")
        }
    }

    @Test("Wrong sign-in details show a message; the right ones go to today")
    func signIn() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard(email: "back@example.test")
            try await browser.post("/signout", [])
            try await browser.get("/signin")
            let wrong = try await browser.post("/signin", [("email", "back@example.test"), ("password", "nope nope nope")])
            #expect(wrong.status == .unauthorized && wrong.text.contains("don&#39;t match an account"))
            let right = try await browser.post("/signin", [("email", "BACK@example.test"), ("password", "correct horse battery")])
            #expect(right.headers[.location] == "/today")
        }
    }

    @Test("Check-ins follow the API's date rule: a past day is fine, a day after tomorrow or a date that isn't one is refused")
    func checkinDays() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            #expect(try await browser.post("/checkin", [("date", "2026-11-24"), ("pain", "4")]).status == .seeOther)
            #expect(try await browser.post("/checkin", [("date", "2026-11-22"), ("pain", "5")]).status == .seeOther)
            let future = try await browser.post("/checkin", [("date", "2026-11-27"), ("pain", "4")])
            #expect(future.status == .badRequest && future.text.contains("too far in the future"))
            #expect(try await browser.post("/checkin", [("date", "2020-01-01"), ("pain", "4")]).status == .badRequest)
            let garbled = try await browser.post("/checkin", [("date", "zzz"), ("pain", "6")])
            #expect(garbled.status == .badRequest && garbled.text.contains("must be a date like"))
            #expect(try await browser.post("/checkin", [("pain", "12")]).status == .badRequest)
            let csv = try await browser.get("/settings/export.csv").text
            #expect(csv.contains("checkin,2026-11-24,4") && csv.contains("checkin,2026-11-22,5"))
            #expect(!csv.contains("2026-11-27") && !csv.contains("2020-01-01") && !csv.contains("checkin,2026-11-25,6"))
        }
    }

    @Test("The player page stays within 30 KB of HTML, CSS and JS, with no third-party requests")
    func playerWeight() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.clearScreen()
            let html = try await browser.get("/session").text
            let assets = html.matches(of: /(?:href|src)="(\/assets\/[^"]+\.(?:css|js)\?v=[^"]+)"/).map { String($0.1) }
            #expect(assets.count == 3)
            var total = html.utf8.count
            for asset in assets { total += try await browser.get(asset).body.readableBytes }
            #expect(total <= 30_000, "player page weighs \(total) bytes")
            #expect(html.matches(of: /(?:href|src)="(https?:)?\/\//).isEmpty, "no third-party requests")
        }
    }

    @Test("Settings: pain limit, delete needs the word DELETE, then everything is gone")
    func settings() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/settings")
            #expect(try await browser.post("/settings/ceiling", [("ceiling", "3")]).text.contains("Your pain limit is saved."))
            #expect(try await browser.post("/settings/ceiling", [("ceiling", "11")]).status == .badRequest)
            #expect(try await browser.post("/settings/delete", [("confirm", "nope")]).status == .badRequest)
            let deleted = try await browser.post("/settings/delete", [("confirm", "delete")])
            #expect(deleted.headers[.location] == "/?deleted=1")
            #expect(try await browser.get("/?deleted=1").text.contains("all your data have been deleted"))
            #expect(try await browser.get("/today").headers[.location] == "/signin")
        }
    }
}

extension WebPagesTests {
    @Test("The Today page and GET /api/v1/me/today agree: session, safety check due, then done")
    func todayAgrees() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard(email: "same@example.test")
            let token = try #require(
                try await app.request(.post, "/api/v1/tokens", json: #"{"email":"same@example.test","password":"correct horse battery"}"#)
                    .object()["token"] as? String)
            let api = try await app.request(.get, "/api/v1/me/today", token: token).object()
            let page = try await browser.get("/today").text
            #expect(api["status"] as? String == "session" && page.contains("Session \(api["sessionNumber"] as? Int ?? 0) · about"))
            #expect(page.contains("about \(api["estimatedMinutes"] as? Int ?? 0) min"))
            #expect(api["screenRequired"] as? Bool == true && page.contains("Quick safety check"))
            try await browser.clearScreen()
            #expect(try await app.request(.get, "/api/v1/me/today", token: token).object()["screenRequired"] as? Bool == false)
            #expect(try await browser.get("/today").text.contains("Start session"))
            #expect(try await browser.get("/today").text.contains("Wednesday 25 November"))
        }
    }
}
