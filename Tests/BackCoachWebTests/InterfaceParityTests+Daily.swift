import Foundation
import Testing

/// The daily operations through the API and the pages: the intake, the check-in and the settings give the same
/// stored result for the same answers, and refuse the same bad input in the service's words.
@Suite("One rule on every interface: intake, check-ins, settings")
struct DailyParityTests {
    @Test("The wizard and PUT /api/v1/me/intake build the same plan from the same answers")
    func intake() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let page = try await browser.get("/plan").text
            let onPage = page.matches(of: /<a href="\/exercises\/([a-z0-9-]+)">/).map { String($0.1) }
            // The answers Browser.signUpAndOnboard gives the wizard, as the API takes them.
            let token = try await app.onboardedUser(
                intake: #"""
                    {"weeksSinceBirth": 9, "delivery": "vaginal", "clinicianCleared": true, "painAtRest": 3, "painWorsening": false,
                     "painAreas": ["lowBack"], "breastfeeding": false, "minutesPerDay": 10, "daysPerWeek": 4, "redFlags": []}
                    """#)
            let program = try #require(
                try await app.request(.get, "/api/v1/me/program", token: token).object()["program"] as? [String: Any])
            let sessions = try #require(program["sessions"] as? [[String: Any]])
            let viaAPI = sessions.flatMap { ($0["exercises"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
            #expect(!viaAPI.isEmpty)
            #expect(onPage == viaAPI)
            let phase = try #require(program["phase"] as? [String: Any])
            #expect(page.contains(try #require(phase["title"] as? String)))
        }
    }

    @Test("A check-in saved on the page and through the API is stored the same")
    func checkinStored() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            let saved = try await browser.post(
                "/checkin", [("date", Samples.today), ("pain", "4"), ("activity.0", "Lifting baby"), ("score.0", "5"), ("note", "Tired")])
            #expect(saved.status == .seeOther)
            let token = try await app.onboardedUser()
            let api = try await app.request(
                .put, "/api/v1/me/checkins/\(Samples.today)", token: token,
                json: #"{"pain":4,"psfs":[{"activity":"Lifting baby","score":5}],"note":"Tired"}"#)
            #expect(api.status == .created)
            let fromPage = try await browser.get("/settings/export.csv").text
            let fromAPI = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
            #expect(fromPage == fromAPI, "the same rows in both exports")
            #expect(fromAPI.contains("Lifting baby"))
        }
    }

    static let badCheckins: [(pain: String, note: String, message: String)] = [
        ("11", "", "Please choose your pain from 0 to 10."),
        ("3", String(repeating: "a", count: 1001), "Your note can be at most 1000 characters (it has 1001)."),
    ]

    @Test("A bad check-in is refused in the same words on the page and the API, and nothing is stored", arguments: badCheckins)
    func checkinRefused(pain: String, note: String, message: String) async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            try await browser.get("/checkin")
            let page = try await browser.post("/checkin", [("pain", pain), ("note", note)])
            #expect(page.status == .badRequest)
            #expect(page.text.contains(InterfaceParityTests.htmlEscaped(message)))
            let token = try await app.onboardedUser()
            let body = try String(decoding: JSONSerialization.data(withJSONObject: ["pain": Int(pain)!, "note": note]), as: UTF8.self)
            let api = try await app.request(.put, "/api/v1/me/checkins/\(Samples.today)", token: token, json: body)
            #expect(api.status == .badRequest && api.detail == message)
            #expect(try await browser.get("/settings/export.csv").text.components(separatedBy: "\r\n").count == 2, "header only")
            #expect(try await app.request(.get, "/api/v1/me/export.csv", token: token).text.components(separatedBy: "\r\n").count == 2)
        }
    }

    @Test("A pain limit above her cautious default, or an unknown time zone, is refused by settings and the API alike")
    func settingsRefused() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let token = try await app.onboardedUser()
            let api = try await app.request(.put, "/api/v1/me/profile", token: token, json: #"{"painCeiling":9}"#)
            #expect(api.status == .badRequest)
            try await browser.get("/settings")
            let page = try await browser.post("/settings/ceiling", [("ceiling", "9")])
            #expect(page.status == .badRequest)
            #expect(page.text.contains(InterfaceParityTests.htmlEscaped(api.detail)), "\(api.detail)")

            let zoneAPI = try await app.request(.put, "/api/v1/me/profile", token: token, json: #"{"timeZone":"Mars/Olympus"}"#)
            #expect(zoneAPI.status == .badRequest)
            try await browser.get("/settings")
            let zonePage = try await browser.post("/settings/place", [("country", "GB"), ("timeZone", "Mars/Olympus")])
            #expect(zonePage.status == .badRequest)
            #expect(zonePage.text.contains(InterfaceParityTests.htmlEscaped(zoneAPI.detail)), "\(zoneAPI.detail)")
            let profile = try await app.request(.get, "/api/v1/me/profile", token: token).object()
            #expect(profile["painCeiling"] == nil && profile["timeZone"] == nil, "nothing stored")
        }
    }
}
