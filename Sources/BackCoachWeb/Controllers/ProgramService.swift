import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation

/// Reads a user's intake and program record and works out the current assessment.
struct ProgramService {
    let dependencies: WebDependencies
    var coach: Coach { dependencies.content.coach }

    struct Current {
        let answers: IntakeAnswers
        let record: ProgramRecord?
        let assessment: Assessment

        /// A program she can follow now: allowed by triage and not paused by a safety check.
        var activeProgram: Program? {
            guard let program = assessment.program, record?.paused != true else { return nil }
            return program
        }
    }

    func current(for user: User) async throws -> Current {
        guard let current = try await currentIfAnswered(for: user) else {
            throw Problem.notFound("There are no answers yet. Send your intake with PUT /api/v1/me/intake first.")
        }
        return current
    }

    /// The current state, or nil before the first intake (web pages send her to the wizard instead of a 404).
    func currentIfAnswered(for user: User) async throws -> Current? {
        guard let (intake, record) = try await dependencies.store.intakeAndProgram(for: user.id) else { return nil }
        let key = AssessmentKey(
            answers: intake.answers, startDate: record?.startDate ?? dependencies.today, state: record?.state, painCeiling: user.painCeiling
        )
        // Triage and planning are pure functions of the key, so a plan worked out once serves every later request.
        let assessment = dependencies.assessments.value(for: key) {
            coach.assess(key.answers, startDate: key.startDate, state: key.state, painCeilingOverride: key.painCeiling)
        }
        return Current(answers: intake.answers, record: record, assessment: assessment)
    }

    /// Everything `Coach.assess` reads.
    struct AssessmentKey: Hashable, Sendable {
        let answers: IntakeAnswers
        let startDate: LocalDate
        let state: ProgramState?
        let painCeiling: Int?
    }

    /// What a day holds for her: a session (and whether the safety check is still due), a rest day,
    /// a program paused by a safety check, or none because triage withholds it. Shared by the API and the Today page.
    /// Also the body of GET /api/v1/me/today.
    struct Day: Encodable {
        enum Status: String, Encodable { case session, rest, withheld, paused }

        let date: LocalDate
        let status: Status
        let sessionNumber: Int?
        let session: PlannedSession?
        let screenRequired: Bool
        let completed: Bool
        let tip: String?
        /// Why there is no session (withheld or paused).
        let triage: TriageResult?

        enum CodingKeys: String, CodingKey {
            case date, status, sessionNumber, session, estimatedMinutes, screenRequired, completed, tip, triage
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            try container.encode(status, forKey: .status)
            try container.encodeIfPresent(sessionNumber, forKey: .sessionNumber)
            try container.encodeIfPresent(session, forKey: .session)
            try container.encodeIfPresent(session?.estimatedMinutes, forKey: .estimatedMinutes)
            try container.encode(screenRequired, forKey: .screenRequired)
            try container.encode(completed, forKey: .completed)
            try container.encodeIfPresent(tip, forKey: .tip)
            try container.encodeIfPresent(triage, forKey: .triage)
        }
    }

    func day(_ date: LocalDate, for user: User, current: Current) async throws -> Day {
        let store = dependencies.store
        guard current.assessment.triage.programAllowed, let record = current.record, let program = current.assessment.program else {
            return Day(
                date: date, status: .withheld, sessionNumber: nil, session: nil, screenRequired: false, completed: false, tip: nil,
                triage: current.assessment.triage)
        }
        if record.paused {
            let latest = try await store.latestScreen(for: user.id)
            return Day(
                date: date, status: .paused, sessionNumber: nil, session: nil, screenRequired: true, completed: false,
                tip: "Your program is paused after your last safety check. When you are cleared, do a new safety check.",
                triage: coach.triageEngine.screen(Set(latest?.redFlags ?? [])))
        }
        let today = try await store.day(for: user.id, on: date)
        let completed = today.sessionLogged
        guard let number = schedule(current)?.sessionNumber(on: date), let session = program.sessions.first(where: { $0.number == number })
        else {
            return Day(
                date: date, status: .rest, sessionNumber: nil, session: nil, screenRequired: false, completed: completed,
                tip: RestDayTips.tip(for: date), triage: nil)
        }
        return Day(
            date: date, status: .session, sessionNumber: number, session: session,
            screenRequired: !today.screens.contains { $0.level < .urgent }, completed: completed, tip: nil, triage: nil)
    }

    /// Which days carry a session, from the program's start date.
    func schedule(_ current: Current) -> SessionSchedule? {
        current.record.map { SessionSchedule(startDate: $0.startDate, sessionsPerWeek: current.answers.daysPerWeek) }
    }

    /// The before-session safety check was done on `date` and found nothing urgent.
    func hasClearScreen(on date: LocalDate, for user: User) async throws -> Bool {
        try await dependencies.store.screens(for: user.id, on: date).contains { $0.level < .urgent }
    }

    /// Saves new answers; a withheld program keeps the old record (and her progress) for when it can run again.
    func saveIntake(_ answers: IntakeAnswers, for user: User) async throws -> Current {
        let store = dependencies.store
        let existing = try await store.program(for: user.id)
        let triage = coach.triageEngine.triage(answers)
        let record = triage.programAllowed ? self.record(for: answers, existing: existing) : existing
        try await store.saveIntake(answers, program: record, for: user.id, now: dependencies.now())
        return try await current(for: user)
    }

    /// Records a before-session safety check. Emergency or urgent pauses the program; a later clear check resumes it.
    func screen(_ flags: Set<RedFlagID>, on date: LocalDate, for user: User) async throws -> TriageResult {
        let result = coach.triageEngine.screen(flags)
        var record = try await dependencies.store.program(for: user.id)
        record?.paused = !result.programAllowed
        try await dependencies.store.addScreen(
            ScreenRecord(date: date, redFlags: flags.sorted(), level: result.level, createdAt: dependencies.now()), program: record,
            for: user.id)
        return result
    }

    /// Logs a finished session and applies the progression rules; throws 409 when there is no program to log against.
    func logSession(_ feedback: [ExerciseFeedback], on date: LocalDate, for user: User) async throws -> SessionReview {
        let current = try await current(for: user)
        guard current.assessment.triage.programAllowed, var record = current.record else {
            throw Problem(.conflict, "There is no program to log against: your answers say to see a health professional first.")
        }
        guard !record.paused else {
            throw Problem(.conflict, "Your program is paused after a safety check. Do a new safety check when you have been seen.")
        }
        let context = ProgramContext(answers: current.answers)
        let store = dependencies.store
        let history = try await store.recentSessions(for: user.id, limit: SessionReview.sessionsToTolerateDeferred).map(\.feedback)
        let review = SessionReview.review(
            feedback: feedback, history: history, state: record.state, engine: ProgressionEngine(catalogue: dependencies.content.catalogue),
            context: context, allowedPhase: PhaseRules.allowedPhase(for: current.answers).phase,
            ceiling: current.assessment.program?.painCeiling ?? PainCeiling.ceiling(for: context, override: user.painCeiling))
        record.state = review.state
        try await store.addSession(
            SessionLog(date: date, feedback: feedback, decisions: review.decisions, createdAt: dependencies.now()), program: record,
            for: user.id)
        return review
    }

    /// A new record for a first intake, or the old one with its phase held within what the new answers allow.
    func record(for answers: IntakeAnswers, existing: ProgramRecord?) -> ProgramRecord {
        let allowed = PhaseRules.allowedPhase(for: answers).phase
        guard var record = existing else {
            return ProgramRecord(startDate: dependencies.today, state: ProgramState(phase: allowed))
        }
        record.state.phase = min(record.state.phase, allowed)
        return record
    }
}

/// Dates people may send. Records are kept for dates from 3 years ago to a year ahead (or to tomorrow, for what has
/// already happened), so a stray year can't become the start of her history; a date that only picks what to read
/// (`inWindow: false`) may be any valid date.
enum DateRules {
    static func parse(_ text: String?, field: String, today: LocalDate, allowFuture: Bool = true, inWindow: Bool = true) throws
        -> LocalDate?
    {
        guard let text else { return nil }
        guard let date = LocalDate(text) else { throw Problem.badRequest("\(field) must be a date like 2026-11-25 (got \(text)).") }
        guard inWindow else { return date }
        let earliest = today.adding(days: -3 * 366)
        let latest = allowFuture ? today.adding(days: 366) : today.adding(days: 1)
        guard date >= earliest else { throw Problem.badRequest("\(field) is too far in the past (earliest \(earliest)).") }
        guard date <= latest else { throw Problem.badRequest("\(field) is too far in the future (latest \(latest)).") }
        return date
    }
}
