import Foundation
import Testing

@Suite("The whole API flow")
struct APIFlowTests {
    /// sign up → intake → today → screen → session → check-in → progress → exports → calendar → delete
    @Test("A new user goes through every step", arguments: StoreKind.available)
    func wholeFlow(kind: StoreKind) async throws {
        try await TestApp.run(kind) { app in
            let email = "flow-\(UUID())@example.test"
            let token = try await app.signUp(email)
            #expect(try await app.request(.put, "/api/v1/me/intake", token: token, json: Samples.intake).status == .ok)
            let today = try await app.request(.get, "/api/v1/me/today?date=\(Samples.today)", token: token).object()
            #expect(today["status"] as? String == "session" && today["screenRequired"] as? Bool == true)
            let exercises = ((today["session"] as? [String: Any])?["exercises"] as? [[String: Any]] ?? []).compactMap {
                $0["id"] as? String
            }
            #expect(exercises.count >= 4)
            #expect(
                try await app.request(
                    .post, "/api/v1/me/screens", token: token,
                    json: #"{"date":"2026-11-25","redFlags":[],"painAtRest":2,"painWorsening":false}"#
                ).status
                    == .created)
            let feedback = exercises.map { #"{"id":"\#($0)","completed":true,"difficulty":"right","painDuring":2}"# }.joined(separator: ",")
            let session = try await app.request(
                .post, "/api/v1/me/sessions", token: token, json: #"{"date":"2026-11-25","exercises":[\#(feedback)]}"#)
            #expect(session.status == .created)
            #expect((try session.object()["decisions"] as? [Any])?.count == exercises.count)
            #expect(
                try await app.request(
                    .put, "/api/v1/me/checkins/2026-11-25", token: token,
                    json: #"{"pain":3,"psfs":[{"activity":"Carrying the car seat","score":4}]}"#
                ).status == .created)
            let progress = try await app.request(.get, "/api/v1/me/progress?days=30", token: token).object()
            #expect((progress["adherence"] as? [String: Int]) == ["planned": 1, "done": 1])
            let csv = try await app.request(.get, "/api/v1/me/export.csv", token: token).text
            #expect(csv.components(separatedBy: "\r\n").count == 3 + exercises.count)
            #expect(try await app.request(.get, "/api/v1/me/export.fhir", token: token).status == .ok)
            let link = try await app.request(.get, "/api/v1/me/calendar", token: token).object()["url"] as? String ?? ""
            #expect(try await app.request(.get, String(link.dropFirst("http://backcoach.test".count))).text.contains("BEGIN:VEVENT"))
            let erased = try await app.request(.delete, "/api/v1/me", token: token)
            #expect((try erased.object()["erased"] as? [String: Int])?["sessions"] == 1)
            #expect(try await app.request(.get, "/api/v1/me/program", token: token).status == .unauthorized)
            let signIn = try await app.request(.post, "/api/v1/tokens", json: #"{"email":"\#(email)","password":"correct horse battery"}"#)
            #expect(signIn.status == .unauthorized)
        }
    }
}
