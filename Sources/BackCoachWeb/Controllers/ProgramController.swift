import BackCoachCore
import BackCoachServices
import Foundation
import Hummingbird

/// Intake, program, today's session, the before-session safety check and session feedback: JSON in and out,
/// every rule in the services.
struct ProgramController {
    let services: Services

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("/intake", use: putIntake)
        group.get("/program", use: getProgram)
        group.get("/today", use: getToday)
        group.post("/screens", use: postScreen)
        group.post("/sessions", use: postSession)
        group.post("/next-morning", use: postNextMorning)
    }

    struct MorningResult: Encodable {
        let sessionDate: LocalDate
        let decisions: [ProgressionDecision]
    }

    /// `{"answer": "settled" | "notSettled"}` about the last session, the morning after (rule 5.2-4).
    @Sendable func postNextMorning(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<MorningResult> {
        let user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["answer"])
        let answer: NextMorning? = try validated { () throws(InputError) in try reader.option("answer") }
        guard let answer else { throw Problem.badRequest("answer is required: settled or notSettled.") }
        let answered = try await services.nextMorning.answer(answer, for: user)
        return JSONResponse(MorningResult(sessionDate: answered.sessionDate, decisions: answered.decisions))
    }

    struct ProgramResponse: Encodable {
        let triage: TriageResult
        let program: Program?
        /// True while a safety check has paused the program.
        let paused: Bool

        init(_ current: ProgramService.Current) {
            triage = current.assessment.triage
            program = current.assessment.program
            paused = current.paused
        }

        enum CodingKeys: String, CodingKey { case triage, program, paused }

        // `program` is written as null when withheld, never left out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(triage, forKey: .triage)
            try container.encode(program, forKey: .program)
            try container.encode(paused, forKey: .paused)
        }
    }

    @Sendable func putIntake(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ProgramResponse> {
        let user = try context.requireUser()
        var request = request
        let json = try await request.jsonBody(context: context)
        let answers = try validated { () throws(InputError) in try IntakeParser.parse(json) }
        return JSONResponse(ProgramResponse(try await services.program.saveIntake(answers, for: user)))
    }

    /// `?date=YYYY-MM-DD`: the program as it stands that day (phases move on with the weeks since the birth).
    @Sendable func getProgram(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ProgramResponse> {
        let user = try context.requireUser()
        let date = try DateRules.parse(
            request.uri.queryParameters["date"].map(String.init), field: "date", today: services.today.today(for: user), allowed: .anyDate)
        return JSONResponse(ProgramResponse(try await services.program.current(for: user, on: date)))
    }

    @Sendable func getToday(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Day> {
        let user = try context.requireUser()
        let date = try DateRules.parse(
            request.uri.queryParameters["date"].map(String.init), field: "date", today: services.today.today(for: user), allowed: .anyDate)
        return JSONResponse(try await services.today.day(date, for: user))
    }

    /// A check's result, and her country's numbers when it stops the program.
    struct ScreenAnswer: Encodable {
        let triage: TriageResult
        let contacts: Contacts?

        enum CodingKeys: String, CodingKey { case contacts }

        func encode(to encoder: Encoder) throws {
            try triage.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(contacts, forKey: .contacts)
        }
    }

    @Sendable func postScreen(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ScreenAnswer> {
        let user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(
            context: context, allowed: ["date", "redFlags", "redFlagFollowUps", "painAtRest", "painWorsening", "seen"])
        let dateText = try validated { () throws(InputError) in try reader.string("date", maxLength: 10) }
        guard let date = try DateRules.parse(dateText, field: "date", today: services.today.today(for: user), allowed: .anyDate) else {
            throw Problem.badRequest("date is required: the day of the session, like 2026-11-25.")
        }
        guard reader.fields["redFlags"] != nil else {
            throw Problem.badRequest("redFlags is required: the ids answered yes or not sure, or [] when none.")
        }
        let flags: Set<RedFlagID> = try validated { () throws(InputError) in try reader.optionSet("redFlags") }
        let followUps: Set<RedFlagFollowUpID> = try validated { () throws(InputError) in try reader.optionSet("redFlagFollowUps") }
        let painAtRest = try validated { () throws(InputError) in try reader.int("painAtRest", in: 0...10) }
        let painWorsening = try validated { () throws(InputError) in try reader.bool("painWorsening") }
        let seen = try validated { () throws(InputError) in try reader.bool("seen") } ?? false
        let result = try await services.safety.record(
            flags, followUps: followUps, painAtRest: painAtRest, painWorsening: painWorsening, seen: seen, on: date, for: user)
        let contacts = result.programAllowed ? nil : services.profile.contacts(for: user).needed(for: result)
        return JSONResponse(ScreenAnswer(triage: result, contacts: contacts), status: .created)
    }

    struct SessionResult: Encodable {
        let id: UUID
        let date: LocalDate
        let decisions: [ProgressionDecision]
        let phaseChange: String?
        let phase: PhaseDecision
    }

    @Sendable func postSession(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<SessionResult> {
        let user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["id", "date", "exercises"])
        let dateText = try validated { () throws(InputError) in try reader.string("date", maxLength: 10) }
        guard let date = try DateRules.parse(dateText, field: "date", today: services.today.today(for: user), allowed: .anyDate) else {
            throw Problem.badRequest("date is required: the day you did the session, like 2026-11-25.")
        }
        let idText = try validated { () throws(InputError) in try reader.string("id", maxLength: 36) }
        let clientID = try idText.map { text in
            guard let id = UUID(uuidString: text) else { throw Problem.badRequest("id must be a UUID made by your app (got \(text)).") }
            return id
        }
        let catalogue = services.content.catalogue
        let feedback = try validated { () throws(InputError) in try FeedbackParser.parse(reader.fields["exercises"], catalogue: catalogue) }
        let logged = try await services.sessions.log(feedback, on: date, clientID: clientID, for: user)
        return JSONResponse(
            SessionResult(
                id: logged.log.id, date: logged.log.date, decisions: logged.log.decisions, phaseChange: logged.phaseChange,
                phase: PhaseDecision(phase: logged.phase, reasons: [])),
            status: logged.repeated ? .ok : .created)
    }
}
