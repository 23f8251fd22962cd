import BackCoachAPI
import BackCoachCore
import BackCoachServices
import Foundation

/// Intake, program, today's session, the before-session safety check, session feedback and the next-morning
/// answer. The intake and feedback rules are Core's parsers, shared with the pages and the CLI.
extension APIHandler {
    func saveIntake(_ input: Operations.SaveIntake.Input) async throws -> Operations.SaveIntake.Output {
        let answers = try Self.intakeAnswers(input)
        let user = try APICall.requireUser()
        let current = try await services.program.saveIntake(answers, for: user)
        return .ok(.init(body: .json(try programResponse(current))))
    }

    private static func intakeAnswers(_ input: Operations.SaveIntake.Input) throws -> IntakeAnswers {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        return try parsedIntake(try Wire.json(body))
    }

    /// `?date=YYYY-MM-DD`: the program as it stands that day (phases move on with the weeks since the birth).
    func getProgram(_ input: Operations.GetProgram.Input) async throws -> Operations.GetProgram.Output {
        let user = try APICall.requireUser()
        let current = try await services.program.current(for: user, on: try day(input.query.date, for: user))
        return .ok(.init(body: .json(try programResponse(current))))
    }

    func getToday(_ input: Operations.GetToday.Input) async throws -> Operations.GetToday.Output {
        let user = try APICall.requireUser()
        // Today as she opens it (no date asked for) tells phase news once, as the Today page does.
        let today = try await services.today.day(try day(input.query.date, for: user), for: user, announcing: input.query.date == nil)
        return .ok(.init(body: .json(try Wire.today(today))))
    }

    /// A check's result, and her country's numbers when it stops the program.
    func recordScreen(_ input: Operations.RecordScreen.Input) async throws -> Operations.RecordScreen.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try APICall.requireUser()
        guard let date = try day(body.date, for: user) else {
            throw Problem.badRequest("date is required: the day of the session, like 2026-11-25.")
        }
        let result = try await services.safety.record(
            Set(body.redFlags.compactMap { RedFlagID(rawValue: $0.rawValue) }),
            followUps: Set((body.redFlagFollowUps ?? []).compactMap { RedFlagFollowUpID(rawValue: $0.rawValue) }),
            painAtRest: body.painAtRest, painWorsening: body.painWorsening, seen: body.seen ?? false, on: date, for: user)
        let contacts = result.programAllowed ? nil : services.profile.contacts(for: user).needed(for: result)
        return .created(
            .init(body: .json(.init(value1: try Wire.convert(result), value2: .init(contacts: try contacts.map { try Wire.convert($0) })))))
    }

    /// Not optimised: Swift 6.3.1's optimised build crashes on this function (signal 11 in LLVM's coroutine
    /// splitting); the time it takes is the store's, not its own.
    @_optimize(none)
    func logSession(_ input: Operations.LogSession.Input) async throws -> Operations.LogSession.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try APICall.requireUser()
        guard let date = try day(body.date, for: user) else {
            throw Problem.badRequest("date is required: the day you did the session, like 2026-11-25.")
        }
        let clientID = try Self.clientID(body.id)
        let feedback = try parsedFeedback(try Wire.json(body.exercises), catalogue: content.catalogue)
        let logged = try await services.sessions.log(feedback, on: date, clientID: clientID, for: user)
        let result = Components.Schemas.SessionResult(
            id: logged.log.id.uuidString, date: logged.log.date.description, phaseChange: logged.phaseChange,
            phase: try Wire.convert(PhaseDecision(phase: logged.phase, reasons: [])), decisions: try Wire.convert(logged.log.decisions))
        return logged.repeated ? .ok(.init(body: .json(result))) : .created(.init(body: .json(result)))
    }

    /// `{"answer": "settled" | "notSettled"}` about the last session, the morning after (rule 5.2-4).
    func answerNextMorning(_ input: Operations.AnswerNextMorning.Input) async throws -> Operations.AnswerNextMorning.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        guard let answer = NextMorning(rawValue: body.answer.rawValue) else {
            throw Problem.badRequest("answer must be settled or notSettled.")
        }
        let answered = try await services.nextMorning.answer(answer, for: try APICall.requireUser())
        return .ok(
            .init(body: .json(.init(sessionDate: answered.sessionDate.description, decisions: try Wire.convert(answered.decisions)))))
    }

    /// The id her app made for the session, so a retry is stored once. (Read outside the async handler: see
    /// `parsedIntake`.)
    @inline(never)
    private static func clientID(_ text: String?) throws -> UUID? {
        guard let text else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw Problem.badRequest("id must be a UUID made by your app (got \(text.prefix(40))).")
        }
        return id
    }

    private func programResponse(_ current: ProgramService.Current) throws -> Components.Schemas.ProgramResponse {
        .init(
            triage: try Wire.convert(current.assessment.triage), program: try current.assessment.program.map { try Wire.convert($0) },
            paused: current.paused)
    }
}
