import Foundation
import HTTPTypes
import Testing

/// The clinician side through the API and the pages: share, alert, adjust, read the reason, revoke.
@Suite("Care team: sharing with a clinician")
struct CareTeamTests {
    static var clinicianBody: String {
        #"{"email":"ada-\#(UUID())@clinic.test","password":"correct horse battery","name":"Ada Lane","profession":"Pelvic-health physiotherapist"}"#
    }

    /// A mother with a plan who shared with a new clinician: (mother's token, clinician's token, her id, the share id).
    static func shared(_ app: TestApp, intake: String = Samples.intake) async throws
        -> (mother: String, clinician: String, client: String, share: String)
    {
        let mother = try await app.onboardedUser(intake: intake)
        let invitation = try await app.request(.post, "/api/v1/me/shares", token: mother)
        #expect(invitation.status == .created)
        expectMatchesSchema(invitation, "post", "/api/v1/me/shares")
        let code = try invitation.object()["code"] as? String ?? ""
        #expect(code.wholeMatch(of: /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/) != nil)
        let account = try await app.request(.post, "/api/v1/clinician/accounts", json: clinicianBody)
        #expect(account.status == .created)
        let clinician = try account.object()["token"] as? String ?? ""
        // Typed as people type codes read from a phone: lower case, spaces for dashes.
        let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
        let linked = try await app.request(.post, "/api/v1/clinician/shares", token: clinician, json: #"{"code":"\#(typed)"}"#)
        #expect(linked.status == .created, "\(linked.text)")
        expectMatchesSchema(linked, "post", "/api/v1/clinician/shares")
        let client = try linked.object()["clientId"] as? String ?? ""
        return (mother, clinician, client, try invitation.object()["id"] as? String ?? "")
    }

    @Test("Share, see an alert after a session with symptoms, take an exercise out with a reason, she sees it, she revokes")
    func wholeLoop() async throws {
        try await TestApp.run(.sqlite) { app in
            let (mother, clinician, client, share) = try await Self.shared(app)
            // A code works once.
            let list = try await app.request(.get, "/api/v1/me/shares", token: mother)
            expectMatchesSchema(list, "get", "/api/v1/me/shares")
            #expect(list.text.contains("Ada Lane") && list.text.contains(#""status":"open""#))

            try await app.clearSafetyCheck(mother)
            let session = try await app.request(
                .post, "/api/v1/me/sessions", token: mother,
                json: #"{"date":"\#(Samples.today)","exercises":[{"id":"clams","completed":true,"painDuring":2,"symptoms":["leaking"]}]}"#)
            #expect(session.status == .created, "\(session.text)")
            let clients = try await app.request(.get, "/api/v1/clinician/clients", token: clinician)
            expectMatchesSchema(clients, "get", "/api/v1/clinician/clients")
            #expect(clients.text.contains(#""kind":"symptoms""#), "\(clients.text)")

            let record = try await app.request(.get, "/api/v1/clinician/clients/\(client)", token: clinician)
            #expect(record.status == .ok)
            expectMatchesSchema(record, "get", "/api/v1/clinician/clients/{clientId}")

            let path = "/api/v1/clinician/clients/\(client)/adjustments"
            let refused = try await app.request(
                .post, path, token: clinician, json: #"{"kind":"painCeiling","painCeiling":9,"reason":"x"}"#)
            #expect(refused.status == .badRequest && refused.detail == "Choose a pain limit from 0 to 7.")
            let noReason = try await app.request(
                .post, path, token: clinician, json: #"{"kind":"exclude","exercise":"clams","reason":" "}"#)
            #expect(noReason.detail == "Please give a reason: she reads it with the change.")
            let out = try await app.request(
                .post, path, token: clinician,
                json: #"{"kind":"exclude","exercise":"clams","reason":"Leaking during clams; we work on it in clinic."}"#)
            #expect(out.status == .ok, "\(out.text)")
            expectMatchesSchema(out, "post", "/api/v1/clinician/clients/{clientId}/adjustments")
            let note = try await app.request(
                .post, path, token: clinician,
                json: #"{"kind":"note","note":"Squeeze before you lift the car seat.","reason":"Visit today"}"#)
            #expect(note.status == .ok)

            let program = try await app.request(.get, "/api/v1/me/program", token: mother).text
            #expect(!program.contains(#""id":"clams","ref""#) || program.contains("Your clinician has taken this out"))
            #expect(program.contains("Your clinician has taken this out of your plan for now."))
            let log = try await app.request(.get, "/api/v1/me/care-log", token: mother)
            expectMatchesSchema(log, "get", "/api/v1/me/care-log")
            #expect(log.text.contains("Leaking during clams; we work on it in clinic."))
            #expect(log.text.contains(#""kind":"viewed""#) && log.text.contains(#""kind":"linked""#))
            let today = try await app.request(.get, "/api/v1/me/today", token: mother).text
            #expect(today.contains("Squeeze before you lift the car seat."))

            // Nothing a clinician sends reaches her own routes.
            let intake = try await app.request(.put, "/api/v1/me/intake", token: clinician, json: Samples.intake)
            #expect(intake.status == .forbidden)
            #expect(try await app.request(.get, "/api/v1/clinician/clients", token: mother).status == .forbidden)

            #expect(try await app.request(.delete, "/api/v1/me/shares/\(share)", token: mother).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/clinician/clients/\(client)", token: clinician).status == .notFound)
            #expect(try await app.request(.post, path, token: clinician, json: #"{"kind":"note","reason":"x"}"#).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/clinician/clients", token: clinician).text == #"{"clients":[]}"#)
            #expect(try await app.request(.delete, "/api/v1/me/shares/\(share)", token: mother).status == .notFound)
        }
    }

    @Test("A clinician never puts in what her phase rules out: a gate opens only what the reference leaves to them")
    func gateThroughRules() async throws {
        try await TestApp.run { app in
            // 8 weeks after the birth with a 3-finger tummy gap: the gap review is hers to have confirmed.
            let gapIntake = Samples.intake.replacingOccurrences(of: #""daysPerWeek": 4"#, with: #""daysPerWeek": 4, "diastasisFingers": 3"#)
            let (_, clinician, client, _) = try await Self.shared(app, intake: gapIntake)
            let path = "/api/v1/clinician/clients/\(client)/adjustments"
            let notHers = try await app.request(
                .post, path, token: clinician, json: #"{"kind":"confirmGate","gate":"pelvicHealthCheck","reason":"Seen"}"#)
            #expect(notHers.status == .badRequest, "no assisted birth or tear: nothing to confirm")
            #expect(notHers.detail == "Her answers don't hold her plan for that check, so there is nothing to confirm.")
            let gate = try await app.request(
                .post, path, token: clinician, json: #"{"kind":"confirmGate","gate":"tummyGapReview","reason":"Seen"}"#)
            #expect(gate.status == .ok, "\(gate.text)")
            // 8 weeks after the birth: phase 2 by time; no gate opens phase 3 before 12 weeks.
            #expect(gate.text.contains(#""phase":2"#), "\(gate.text.prefix(400))")
            let unknown = try await app.request(
                .post, path, token: clinician, json: #"{"kind":"exclude","exercise":"moonwalk","reason":"x"}"#)
            #expect(unknown.detail == #"There is no exercise "moonwalk"."#)
            let back = try await app.request(.post, path, token: clinician, json: #"{"kind":"allow","exercise":"clams","reason":"x"}"#)
            #expect(back.detail == "That exercise was not taken out, so there is nothing to put back.")
        }
    }

    @Test("The same share through the pages: code, link, client page, a change, her log, revoke")
    func pages() async throws {
        try await TestApp.run { app in
            let mother = Browser(app)
            try await mother.signUpAndOnboard()
            try await mother.get("/settings/sharing")
            let made = try await mother.post("/settings/sharing", [])
            let code = try #require(made.text.firstMatch(of: /class="code"[^>]*>([A-Z0-9-]+)</).map { String($0.1) })
            #expect(made.text.contains("/clinician/link?code=\(code)"))

            let clinician = Browser(app)
            try await clinician.get("/clinician/signup")
            let signedUp = try await clinician.post(
                "/clinician/signup",
                [
                    ("name", "Ada Lane"), ("profession", "Physiotherapist"), ("email", "ada-\(UUID())@clinic.test"),
                    ("password", "correct horse battery"),
                ])
            #expect(signedUp.headers[.location] == "/clinician")
            #expect(try await clinician.get("/today").headers[.location] == "/clinician", "a clinician has no Today of their own")
            try await clinician.get("/clinician/link?code=\(code)")
            #expect(clinician.lastPage.contains(#"value="\#(code)""#), "the link fills the code in")
            let linked = try await clinician.post("/clinician/link", [("code", code)])
            let page = try #require(linked.headers[.location])
            #expect(page.hasPrefix("/clinician/clients/"))
            #expect(try await clinician.post("/clinician/link", [("code", code)]).status == .notFound, "used once")
            let client = try await clinician.get(page)
            #expect(client.text.contains("Shared by the client since"))
            let changed = try await clinician.post(
                page + "/adjust", [("kind", "painCeiling"), ("painCeiling", "4"), ("reason", "Settling well")])
            #expect(changed.headers[.location] == page + "?changed=1#plan")
            #expect(try await clinician.get(page + "/summary").text.contains("Pain limit 4/10"))
            #expect(try await clinician.get(page + "/export.fhir").headers[.contentType]?.hasPrefix("application/fhir+json") == true)
            #expect(try await mother.get("/clinician").status == .forbidden)

            let sharing = try await mother.get("/settings/sharing").text
            #expect(sharing.contains("Set your pain limit during exercise to 4 out of 10.") && sharing.contains("Settling well"))
            #expect(sharing.contains("Printed a summary of your record.") && sharing.contains("Downloaded your record as a FHIR file."))
            let share = try #require(sharing.firstMatch(of: /name="share" value="([0-9a-f-]+)"/).map { String($0.1) })
            let stopped = try await mother.submit("/settings/sharing/revoke", [("share", share)])
            #expect(stopped.text.contains("Stopped. They can no longer see your record."))
            #expect(try await clinician.get(page).status == .notFound)
            #expect(try await clinician.get("/clinician").text.contains("No client has shared with you yet."))
        }
    }

    @Test("Erasing her account removes every share; the clinician's list is empty at once")
    func erasure() async throws {
        try await TestApp.run { app in
            let (mother, clinician, client, _) = try await Self.shared(app)
            #expect(try await app.request(.delete, "/api/v1/me", token: mother).text.contains(#""shares":1"#))
            #expect(try await app.request(.get, "/api/v1/clinician/clients/\(client)", token: clinician).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/clinician/clients", token: clinician).text == #"{"clients":[]}"#)
        }
    }
}
