import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation

/// Logging a finished session and applying the progression rules to it.
public struct SessionService: Sendable {
    /// That day's check-in pain when it is high enough to stop a session (RF-16), else nil.
    static func stoppingPain(_ day: DayRecord) -> Int? {
        day.checkinPain.flatMap { $0 >= SafetyCheckService.restingPainThatStops ? $0 : nil }
    }

    let context: ServiceContext
    let program: ProgramService

    /// What a logged session changed. `repeated` is true when the same session id was sent again: nothing changed,
    /// and the answer is the first one's.
    public struct Logged: Sendable {
        public let log: SessionLog
        public let phase: Phase
        public let phaseChange: String?
        public let repeated: Bool
    }

    /// Logs a session done on `date` (today when nil). Refused unless that day had a clear safety check and the
    /// program runs (not withheld by triage, not paused). `clientID`, made by the page or app, makes a retry or a
    /// double submit safe: the same id again answers the first result and changes nothing.
    public func log(_ feedback: [ExerciseFeedback], on date: LocalDate? = nil, clientID: UUID? = nil, for user: User) async throws
        -> Logged
    {
        let today = context.today(for: user)
        let date = date ?? today
        try DateRules.check(date, field: "date", today: today, allowed: .upTo(context.latestDay(for: user)))
        guard !feedback.isEmpty else {
            throw ServiceError.invalid("A session needs at least one exercise.", field: "exercises")
        }
        // A checklist with nothing ticked is not a session: it would count as done and feed the progression rules.
        guard feedback.contains(where: \.completed) else {
            throw ServiceError.invalid(
                "Tick at least one exercise you did. If you did none today, that's fine: nothing needs saving.", field: "exercises")
        }
        let current = try await program.current(for: user)
        guard current.assessment.triage.programAllowed, current.record != nil else {
            throw ServiceError.conflict("There is no program to log against: your answers say to see a health professional first.")
        }
        let answers = current.answers
        let programContext = ProgramContext(answers: answers)
        let engine = ProgressionEngine(catalogue: context.content.catalogue)
        let allowedPhase = PhaseRules.allowedPhase(for: answers, confirmed: current.confirmedGates).phase
        let ceiling = current.assessment.program?.painCeiling ?? PainCeiling.ceiling(for: programContext, override: user.painCeiling)
        // The history only tunes how long a deferred step-up is tolerated; the record itself is read in the transaction.
        let history = try await context.store.recentSessions(for: user.id, limit: SessionReview.sessionsToTolerateDeferred).map(\.feedback)
        let fortnight = try await context.store.checkins(for: user.id, from: date.adding(days: -13), to: date)
        let rise = OutcomeCalculator.weeklyRise(fortnight.map { PainCheckin(date: $0.date, pain: $0.pain) }, asOf: date)
        let log = SessionLog(id: clientID ?? UUID(), date: date, feedback: feedback, decisions: [], createdAt: context.now())
        do {
            return try await context.store.changeProgram(for: user.id, on: date, sessionID: clientID) { snapshot in
                if let stored = snapshot.storedSession {
                    let phase = snapshot.program?.state.phase ?? allowedPhase
                    return ProgramChange(result: Logged(log: stored, phase: phase, phaseChange: nil, repeated: true))
                }
                guard var record = snapshot.program else {
                    throw ServiceError.conflict("There is no program to log against: your answers say to see a health professional first.")
                }
                // One session a day: a second tab or a second save that day would count twice and move the plan twice.
                guard !snapshot.day.sessionLogged else {
                    throw ServiceError.conflict(
                        "You have already saved a session for \(date.spelledOut). One a day is enough: your next one is on your next session day."
                    )
                }
                guard !record.paused else {
                    throw ServiceError.conflict(
                        "Your program is paused after a safety check. Do a new safety check when you have been seen.")
                }
                guard SafetyCheckService.isClear(snapshot.day.screens) else {
                    throw ServiceError.conflict("Do the quick safety check for \(date) before you log a session.")
                }
                // Read in the same transaction, so a high check-in saved a moment earlier still stops it.
                guard Self.stoppingPain(snapshot.day) == nil else {
                    throw ServiceError.conflict(
                        "Your check-in says your pain is 7 out of 10 or more that day, so there is no session. Please see your GP or midwife within a day or two."
                    )
                }
                let review = SessionReview.review(
                    feedback: feedback, history: history, state: record.state, engine: engine, context: programContext,
                    allowedPhase: allowedPhase, ceiling: ceiling, sessionsPerWeek: answers.daysPerWeek, on: date,
                    weeklyPainRise: rise)
                record.state = review.state
                let saved = SessionLog(id: log.id, date: date, feedback: feedback, decisions: review.decisions, createdAt: log.createdAt)
                return ProgramChange(
                    program: record, session: saved,
                    result: Logged(log: saved, phase: review.state.phase, phaseChange: review.phaseChange, repeated: false))
            }
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        } catch StorageError.idTaken {
            throw ServiceError.conflict("This session id is already in use. Send a new id for a new session.")
        }
    }
}
