import Crypto
import Foundation
import HTTPTypes
import Testing

@testable import BackCoachServices

/// Reminders through the JSON API, on every store.
@Suite("Reminder settings and push subscriptions over the API")
struct ReminderRoutesTests {
    static let browserKey = Base64URL.encode(P256.KeyAgreement.PrivateKey().publicKey.x963Representation)
    static let authSecret = Base64URL.encode(Data(repeating: 7, count: 16))

    @Test("Settings are off until she turns them on; bad times and keys get a clear 400", arguments: StoreKind.available)
    func flow(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.onboardedUser()
            let start = try await app.request(.get, "/api/v1/me/reminders", token: token).object()
            #expect(start["enabled"] as? Bool == false && start["time"] as? String == "09:00" && start["devices"] as? Int == 0)
            let key = try #require(start["applicationServerKey"] as? String)
            #expect(Base64URL.decode(key)?.count == 65, "the VAPID public key a browser subscribes with")
            #expect(try await app.request(.get, "/api/v1/me/reminders", token: token).object()["applicationServerKey"] as? String == key)

            let saved = try await app.request(
                .put, "/api/v1/me/reminders", token: token,
                json: #"{"enabled":true,"days":[4,0,2],"time":"07:45","quietFrom":"21:30","quietUntil":"06:30"}"#)
            #expect(saved.status == .ok)
            let body = try saved.object()
            #expect(body["days"] as? [Int] == [0, 2, 4] && body["time"] as? String == "07:45" && body["quietUntil"] as? String == "06:30")

            let quiet = try await app.request(
                .put, "/api/v1/me/reminders", token: token,
                json: #"{"enabled":true,"days":[0],"time":"22:00","quietFrom":"21:30","quietUntil":"06:30"}"#)
            #expect(quiet.status == .badRequest && quiet.detail.contains("inside your quiet hours"))
            let badTime = try await app.request(
                .put, "/api/v1/me/reminders", token: token, json: #"{"enabled":true,"days":[0],"time":"7pm"}"#)
            #expect(badTime.status == .badRequest && badTime.detail.contains("for example 08:30"))
            let noDays = try await app.request(
                .put, "/api/v1/me/reminders", token: token, json: #"{"enabled":true,"days":[],"time":"08:00"}"#)
            #expect(noDays.status == .badRequest && noDays.detail.contains("at least one day"))
            #expect(try await app.request(.get, "/api/v1/me/reminders", token: token).object()["time"] as? String == "07:45", "unchanged")

            #expect(try await app.request(.post, "/api/v1/me/reminders/test", token: token).status == .conflict, "no browser yet")
            let endpoint = "https://push.example.test/sub/\(UUID())"
            let badKey = try await app.request(
                .post, "/api/v1/me/push-subscriptions", token: token,
                json: #"{"endpoint":"\#(endpoint)","keys":{"p256dh":"abc","auth":"\#(Self.authSecret)"}}"#)
            #expect(badKey.status == .badRequest && badKey.detail.contains("P-256"))
            let plain = try await app.request(
                .post, "/api/v1/me/push-subscriptions", token: token,
                json: #"{"endpoint":"http://push.example.test/x","keys":{"p256dh":"\#(Self.browserKey)","auth":"\#(Self.authSecret)"}}"#)
            #expect(plain.status == .badRequest && plain.detail.contains("https"))
            let added = try await app.request(
                .post, "/api/v1/me/push-subscriptions", token: token,
                json:
                    #"{"endpoint":"\#(endpoint)","expirationTime":null,"keys":{"p256dh":"\#(Self.browserKey)","auth":"\#(Self.authSecret)"}}"#
            )
            let devices = try added.object()["devices"] as? Int
            #expect(added.status == .created && devices == 1)

            // Another account can't remove her subscription, and she can remove it once.
            let other = try await app.signUp()
            let query = "/api/v1/me/push-subscriptions?endpoint=" + endpoint.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await app.request(.delete, query, token: other).status == .notFound)
            #expect(try await app.request(.delete, query, token: token).status == .noContent)
            #expect(try await app.request(.delete, query, token: token).status == .notFound)
        }
    }
}

/// The same settings through the settings page: the form works without JavaScript; reminders.js's calls answer JSON.
@Suite("Reminders on the settings page")
struct ReminderPageTests {
    @Test("Saving the form, a refused time kept as typed, and turning a browser on")
    func settingsPage() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let page = try await browser.get("/settings")
            #expect(page.text.contains("id=\"reminders\"") && page.text.contains("No phone or computer is set up for reminders yet."))
            #expect(page.text.contains("Times are in UTC until you choose your time zone"))
            #expect(page.text.contains("data-push-unsupported"), "without JavaScript the page says what to use instead")

            let saved = try await browser.post(
                "/settings/reminders",
                [
                    ("enabled", "on"), ("reminderDay", "1"), ("reminderDay", "3"), ("time", "18:15"), ("quietFrom", "21:00"),
                    ("quietUntil", "07:00"),
                ])
            // Saved, then a page of its own (Back and reload never send the form again), opened at the card.
            #expect(saved.status == .seeOther && saved.headers[.location] == "/settings?reminders=on#reminders")
            let shown = try await browser.get("/settings?reminders=on")
            #expect(shown.text.contains("Your reminders are saved."))
            #expect(shown.text.contains(#"id="reminder-day-1" name="reminderDay" value="1" checked"#))
            #expect(!shown.text.contains(#"id="reminder-day-0" name="reminderDay" value="0" checked"#))
            #expect(shown.text.contains(#"id="reminder-time" name="time" type="time" value="18:15""#))
            #expect(shown.text.contains("Next reminder: 18:15 on "))

            let refused = try await browser.post(
                "/settings/reminders",
                [("enabled", "on"), ("reminderDay", "2"), ("time", "23:00"), ("quietFrom", "21:00"), ("quietUntil", "07:00")])
            #expect(refused.status == .badRequest && refused.text.contains("inside your quiet hours"))
            #expect(refused.text.contains(#"value="23:00" required aria-invalid="true" aria-describedby="reminders-error""#))

            let key = Base64URL.encode(P256.KeyAgreement.PrivateKey().publicKey.x963Representation)
            let subscribed = try await browser.post(
                "/settings/reminders/subscribe",
                [("endpoint", "https://push.example.test/\(UUID())"), ("p256dh", key), ("auth", Base64URL.encode(Data(count: 16)))])
            #expect(
                subscribed.status == .ok
                    && subscribed.text == #"{"devices":1,"devicesText":"1 phone or computer is set up for your reminders."}"#)
            let bad = try await browser.post("/settings/reminders/subscribe", [("endpoint", "http://example.test/"), ("p256dh", key)])
            #expect(bad.status == .badRequest && bad.text.contains("https"))
            #expect(try await browser.get("/settings").text.contains("1 phone or computer is set up for your reminders."))
            let off = try await browser.post("/settings/reminders", [("reminderDay", "1"), ("time", "18:15")])
            #expect(off.headers[.location] == "/settings?reminders=off#reminders")
            let offPage = try await browser.get("/settings?reminders=off").text
            #expect(offPage.contains("Reminders are off. 1 phone or computer is set up to get them when you turn them on."))
            #expect(!offPage.contains("Next reminder"))
        }
    }
}
