import Foundation
import Testing

@Suite("Exports and the calendar feed")
struct ExportAndCalendarTests {
    @Test("CSV export: RFC 4180, check-ins and session logs, formulas defused")
    func csv() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            _ = try await app.request(
                .put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":4,"note":"=HYPERLINK(\"x\"), \"sore\"\nnext line"}"#)
            try await app.clearSafetyCheck(token)
            _ = try await app.request(
                .post, "/api/v1/me/sessions", token: token,
                json: #"{"date":"2026-11-25","exercises":[{"id":"clams","completed":true,"painDuring":2,"symptoms":["doming","leaking"]}]}"#
            )
            let response = try await app.request(.get, "/api/v1/me/export.csv", token: token)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = response.text.components(separatedBy: "\r\n")
            #expect(lines[0] == "record,date,pain,psfs,note,exercise,completed,difficulty,pain_during,next_morning,symptoms")
            #expect(response.text.contains(#""'=HYPERLINK(""x""), ""sore"""#))
            #expect(response.text.contains("session,2026-11-25,,,,Clams,yes,,2,,leaking doming\r\n"))
        }
    }

    @Test("FHIR export: an R4 Bundle with LOINC 72514-3 pain Observations and PSFS QuestionnaireResponses")
    func fhir() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            _ = try await app.request(
                .put, "/api/v1/me/checkins/2026-11-25", token: token, json: #"{"pain":4,"psfs":[{"activity":"Walking","score":5}]}"#)
            let response = try await app.request(.get, "/api/v1/me/export.fhir", token: token)
            #expect(response.headers[.contentType] == "application/fhir+json; charset=utf-8")
            #expect(response.headers[.contentDisposition] == #"attachment; filename="backcoach-export.fhir.json""#)
            expectMatchesSchema(response, "GET", "/api/v1/me/export.fhir")
            let bundle = try response.object()
            #expect(bundle["resourceType"] as? String == "Bundle" && bundle["type"] as? String == "collection")
            let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
            #expect(resources.map { $0["resourceType"] as? String } == ["Patient", "Observation", "QuestionnaireResponse"])
            let coding = ((resources[1]["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first
            #expect(coding?["system"] as? String == "http://loinc.org" && coding?["code"] as? String == "72514-3")
            #expect(resources[1]["valueInteger"] as? Int == 4)
            let questionnaire = try #require(resources[2]["questionnaire"] as? String)
            #expect(questionnaire == "http://backcoach.test/fhir/Questionnaire/psfs")
            let served = try await app.request(.get, "/fhir/Questionnaire/psfs")
            #expect(try served.object()["url"] as? String == questionnaire)
            expectMatchesSchema(served, "GET", "/fhir/Questionnaire/psfs")
        }
    }

    @Test("Calendar: a private feed of session events with alarms; rotating kills the old address")
    func calendar() async throws {
        try await TestApp.run { app in
            let token = try await app.onboardedUser()
            let link = try await app.request(.get, "/api/v1/me/calendar", token: token)
            expectMatchesSchema(link, "GET", "/api/v1/me/calendar")
            let url = try #require(try link.object()["url"] as? String)
            let path = String(url.dropFirst("http://backcoach.test".count))
            let feed = try await app.request(.get, path)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            #expect(feed.text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 32, "4 sessions a week for 8 weeks")
            #expect(feed.text.components(separatedBy: "BEGIN:VALARM").count - 1 == 32)
            #expect(feed.text.contains("SUMMARY:BackCoach: "))
            #expect(feed.text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
            let rotated = try await app.request(.post, "/api/v1/me/calendar/rotate", token: token)
            #expect(rotated.status == .created)
            expectMatchesSchema(rotated, "POST", "/api/v1/me/calendar/rotate")
            #expect(try await app.request(.get, path).status == .notFound)
            let newPath = String((try rotated.object()["url"] as? String ?? "").dropFirst("http://backcoach.test".count))
            #expect(try await app.request(.get, newPath).status == .ok)
            #expect(try await app.request(.get, "/calendar/not-a-secret.ics").status == .notFound)
        }
    }
}
