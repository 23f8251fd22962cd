import BackCoachCore
import Foundation
import Testing

@Suite("Check-ins and progress")
struct TrackingRoutesTests {
    @Test("PUT check-in: 201 when new, 200 when replaced; GET lists the range")
    func checkins() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let body = #"{"pain":5,"psfs":[{"activity":"Lifting baby from the cot","score":4}],"note":"tired"}"#
            let first = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: body)
            #expect(first.status == .created)
            expectMatchesSchema(first, "PUT", "/api/v1/me/checkins/{date}")
            let second = try await app.request(.put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":4}"#)
            #expect(second.status == .ok)
            expectMatchesSchema(second, "PUT", "/api/v1/me/checkins/{date}")
            _ = try await app.request(.put, "/api/v1/me/checkins/2026-11-20", token: token, json: #"{"pain":6}"#)
            let list = try await app.request(.get, "/api/v1/me/checkins?from=2026-11-20&to=2026-11-25", token: token)
            expectMatchesSchema(list, "GET", "/api/v1/me/checkins")
            let checkins = try #require(try list.object()["checkins"] as? [[String: Any]])
            #expect(checkins.map { $0["pain"] as? Int } == [6, 4])
            #expect(checkins[1]["note"] == nil, "replacing a check-in replaces its note too")
        }
    }

    static let badCheckins: [(String, String, String)] = [
        ("2026-11-25", #"{"pain":11}"#, "Please choose your pain from 0 to 10."),
        ("2026-11-25", #"{"pain":"bad"}"#, "pain must be a whole number"),
        ("2026-11-25", #"{}"#, "pain is required"),
        ("2026-11-25", #"{"pain":3,"mood":"ok"}"#, "unknown field \"mood\""),
        ("2026-11-25", #"{"pain":3,"psfs":[]}"#, "Rate 1 to 5 activities (got 0)."),
        ("2026-11-25", #"{"pain":3,"psfs":[{"activity":"","score":3}]}"#, "Name each activity you rate"),
        ("2026-11-25", #"{"pain":3,"psfs":[{"activity":"walk","score":12}]}"#, "Score each activity from 0 (can't do it) to 10"),
        (
            "2026-11-25", "{\"pain\":3,\"note\":\"\(String(repeating: "a", count: 1001))\"}",
            "Your note can be at most 1000 characters (it has 1001)."
        ),
        ("2026-13-01", #"{"pain":3}"#, "the date in the address must be a date like"),
        ("2026-12-01", #"{"pain":3}"#, "date is too far in the future"),
        ("2020-01-01", #"{"pain":3}"#, "date is too far in the past"),
    ]

    @Test("Bad check-ins get 400 naming the field, and store nothing", arguments: badCheckins)
    func badCheckin(date: String, body: String, detail: String) async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let response = try await app.request(.put, "/api/v1/me/checkins/\(date)", token: token, json: body)
            #expect(response.status == .badRequest)
            #expect(response.detail.hasPrefix(detail), "\(response.detail)")
            expectMatchesSchema(response, "PUT", "/api/v1/me/checkins/{date}")
            let list = try await app.request(.get, "/api/v1/me/checkins", token: token)
            #expect((try list.object()["checkins"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("Bad ranges get 400")
    func badRanges() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            #expect(try await app.request(.get, "/api/v1/me/checkins?from=2026-11-25&to=2026-11-01", token: token).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/me/checkins?from=nope", token: token).status == .badRequest)
            // Reading long ago is allowed (it is empty); only the span is limited.
            let old = try await app.request(.get, "/api/v1/me/checkins?from=2000-01-01&to=2000-01-31", token: token)
            #expect(old.status == .ok)
            #expect((try old.object()["checkins"] as? [Any])?.isEmpty == true)
            for days in ["0", "1096", "abc", "-3"] {
                let response = try await app.request(.get, "/api/v1/me/progress?days=\(days)", token: token)
                #expect(response.status == .badRequest)
                expectMatchesSchema(response, "GET", "/api/v1/me/progress")
            }
        }
    }

    @Test("Progress: series, baseline, meaningful change with its threshold, adherence, PSFS", arguments: StoreKind.available)
    func progress(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let token = try await app.onboardedUser()
            // Two weeks of check-ins: 7/10 the first week, 3/10 the second; PSFS 3 → 6.
            app.clock.advance(seconds: -13 * 86_400)
            for day in 0..<14 {
                let date = LocalDateText.day(offset: day - 13)
                let psfs =
                    day == 0
                    ? #","psfs":[{"activity":"Lifting baby","score":3}]"#
                    : (day == 13 ? #","psfs":[{"activity":"Lifting baby","score":6}]"# : "")
                let response = try await app.request(
                    .put, "/api/v1/me/checkins/\(date)", token: token, json: "{\"pain\":\(day < 7 ? 7 : 3)\(psfs)}")
                #expect(response.status == .created)
                if day < 13 { app.clock.advance(seconds: 86_400) }
            }
            try await app.clearSafetyCheck(token)
            _ = try await app.request(
                .post, "/api/v1/me/sessions", token: token, json: #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true}]}"#)
            let response = try await app.request(.get, "/api/v1/me/progress?days=90", token: token)
            #expect(response.status == .ok)
            expectMatchesSchema(response, "GET", "/api/v1/me/progress")
            let object = try response.object()
            #expect((object["pain"] as? [Any])?.count == 14)
            #expect(object["baseline"] as? Double == 7 && object["latest"] as? Double == 3)
            #expect(object["meaningfulChange"] as? Bool == true)
            #expect((object["threshold"] as? String)?.contains("2 points") == true)
            #expect((object["adherence"] as? [String: Int])?["done"] == 1)
            #expect(((object["psfsChange"] as? [String: Any])?["meaningfulImprovement"] as? Bool) == true)
            // A short window still measures change against the true baseline.
            let week = try await app.request(.get, "/api/v1/me/progress?days=7", token: token).object()
            #expect(week["baseline"] as? Double == 7 && (week["pain"] as? [Any])?.count == 7)
            #expect(object["resolution"] as? String == "day" && (object["painWeeks"] as? [Any])?.isEmpty == true)
            // The 1-year view of a two-week history still shows each day: the span counts from her first day.
            let young = try await app.request(.get, "/api/v1/me/progress?days=365", token: token).object()
            #expect(young["resolution"] as? String == "day" && (young["pain"] as? [Any])?.count == 14)
            // Past 90 days from her first day: a point a week (Monday to Sunday), with the same verdicts. 100 days
            // later she checks in three days running at 3/10.
            app.clock.advance(seconds: 98 * 86_400)
            for day in 98..<101 {
                if day > 98 { app.clock.advance(seconds: 86_400) }
                let response = try await app.request(
                    .put, "/api/v1/me/checkins/\(LocalDateText.day(offset: day))", token: token, json: #"{"pain":3}"#)
                #expect(response.status == .created)
            }
            let year = try await app.request(.get, "/api/v1/me/progress?days=365", token: token)
            expectMatchesSchema(year, "GET", "/api/v1/me/progress")
            let long = try year.object()
            #expect(long["resolution"] as? String == "week" && (long["pain"] as? [Any])?.isEmpty == true)
            let weeks = try #require(long["painWeeks"] as? [[String: Any]])
            #expect(weeks.map { $0["checkins"] as? Int ?? 0 }.reduce(0, +) == 17)
            #expect(weeks.allSatisfy { LocalDate($0["weekOf"] as? String ?? "")?.weekdayIndex == 0 })
            #expect(long["baseline"] as? Double == 7 && long["latest"] as? Double == 3)
        }
    }

    @Test("The progress page's long view shows weekly averages, in the chart and the table, once her history is that long")
    func weeklyPage() async throws {
        try await TestApp.run { app in
            let browser = Browser(app)
            let email = "weeks-\(UUID())@example.test"
            try await browser.signUpAndOnboard(email: email)
            for day in 0..<10 {
                try await browser.get("/checkin")
                let saved = try await browser.post("/checkin", [("date", LocalDateText.day(offset: day)), ("pain", "\(day % 5)")])
                #expect(saved.status == .seeOther)
                if day < 9 { app.clock.advance(seconds: 86_400) }
            }
            // Ten days in, the 1-year view still shows each day.
            #expect(try await browser.get("/progress?days=365").text.contains("<th scope=\"col\">Date</th>"))
            // 90 days later she checks in again: now the year is in weeks.
            app.clock.advance(seconds: 90 * 86_400)
            // A browser session ends after 30 days unused: she signs in again.
            try await browser.get("/signin")
            #expect(try await browser.post("/signin", [("email", email), ("password", "correct horse battery")]).status == .seeOther)
            try await browser.get("/checkin")
            let later = try await browser.post("/checkin", [("date", LocalDateText.day(offset: 99)), ("pain", "1")])
            #expect(later.status == .seeOther)
            let page = try await browser.get("/progress?days=365").text
            #expect(page.contains("<th scope=\"col\">Week of</th><th scope=\"col\">Average pain (0–10)</th>"))
            // 25 November was a Wednesday: 5 check-ins that week, 5 the next.
            #expect(page.contains("<td>Monday 23 November</td><td>2.0 (5 check-ins)</td>"))
            let month = try await browser.get("/progress?days=30").text
            #expect(month.contains("<th scope=\"col\">Date</th>"))
        }
    }
}

enum LocalDateText {
    /// 2026-11-25 plus `offset` days.
    static func day(offset: Int) -> String {
        let date = Date(timeIntervalSince1970: 1_795_600_800 + Double(offset) * 86_400)
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
