import Foundation
import Testing

/// Her own days and time, through the API and the settings page alike, kept when her answers change, and used by
/// Today and the calendar feed.
@Suite("Choosing session days and a time")
struct ScheduleTests {
    @Test("The API sets days and time; Today and the calendar follow; a wrong count is refused in plain words")
    func api() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let before = try await app.request(.get, "/api/v1/me/schedule", token: token)
            expectMatchesSchema(before, "GET", "/api/v1/me/schedule")
            let plain = try before.object()
            #expect(plain["time"] as? String == "09:00" && plain["weekdays"] == nil)
            let wrong = try await app.request(.put, "/api/v1/me/schedule", token: token, json: #"{"weekdays":[0,2]}"#)
            #expect(wrong.status == .badRequest && wrong.detail.contains("choose 4 days (you chose 2)"))
            let badTime = try await app.request(.put, "/api/v1/me/schedule", token: token, json: #"{"time":"25:00"}"#)
            #expect(badTime.status == .badRequest && badTime.detail.contains("like 07:30"))
            let signed = try await app.request(.put, "/api/v1/me/schedule", token: token, json: #"{"time":"+1:00"}"#)
            #expect(signed.status == .badRequest, "a sign is not a digit")
            // Monday, Tuesday, Thursday, Saturday at 20:15. 25 November 2026 is a Wednesday.
            let set = try await app.request(
                .put, "/api/v1/me/schedule", token: token, json: #"{"weekdays":[5,0,1,3],"time":"20:15"}"#)
            expectMatchesSchema(set, "PUT", "/api/v1/me/schedule")
            let chosen = try set.object()
            #expect(chosen["weekdays"] as? [Int] == [0, 1, 3, 5] && chosen["time"] as? String == "20:15")
            let wednesday = try await app.request(.get, "/api/v1/me/today", token: token).object()
            #expect(wednesday["status"] as? String == "rest", "Wednesday is not one of her days now")
            let thursday = try await app.request(.get, "/api/v1/me/today?date=2026-11-26", token: token).object()
            #expect(thursday["status"] as? String == "session" && thursday["sessionNumber"] as? Int == 3)
            let link = try #require(try await app.request(.get, "/api/v1/me/calendar", token: token).object()["url"] as? String)
            let feed = try await app.request(.get, String(link.dropFirst("http://backcoach.test".count))).text
            #expect(feed.contains("DTSTART:20261126T201500") && !feed.contains("DTSTART:20261125"))
            // New answers keep her days.
            _ = try await app.request(.put, "/api/v1/me/intake", token: token, json: Samples.intake)
            #expect(try await app.request(.get, "/api/v1/me/schedule", token: token).object()["weekdays"] as? [Int] == [0, 1, 3, 5])
            // An empty list spreads them again; the time stays.
            let spread = try await app.request(.put, "/api/v1/me/schedule", token: token, json: #"{"weekdays":[]}"#).object()
            #expect(spread["weekdays"] == nil && spread["time"] as? String == "20:15")
        }
    }

    @Test("The settings page saves the same and refuses the same, in the same words")
    func page() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            try await browser.signUpAndOnboard()
            let settings = try await browser.get("/settings").text
            #expect(settings.contains("Choose 4 days for your sessions") && settings.contains(#"name="time" type="time" value="09:00""#))
            let wrong = try await browser.post("/settings/schedule", [("day", "0"), ("time", "07:00")])
            #expect(wrong.status == .badRequest && wrong.text.contains("choose 4 days (you chose 1)"))
            #expect(
                wrong.text.contains(#"id="day-0" name="day" value="0" checked"#) && wrong.text.contains(#"value="07:00""#), "kept as chosen"
            )
            let saved = try await browser.post(
                "/settings/schedule", [("day", "0"), ("day", "1"), ("day", "3"), ("day", "5"), ("time", "07:00")])
            #expect(saved.status == .ok && saved.text.contains("Your session days are saved."))
            #expect(saved.text.contains(#"id="day-3" name="day" value="3" checked"#) && saved.text.contains(#"value="07:00""#))
        }
    }
}
