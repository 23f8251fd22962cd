import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation

/// Her intake and the program it gives: triage first, then a plan only when triage allows one.
public struct ProgramService: Sendable {
    let context: ServiceContext

    /// Her answers, her program record and what they mean today.
    public struct Current: Sendable {
        public let answers: IntakeAnswers
        public let record: ProgramRecord?
        public let assessment: Assessment

        /// A program she can follow now: allowed by triage and not paused by a safety check.
        public var activeProgram: Program? {
            guard let program = assessment.program, record?.paused != true else { return nil }
            return program
        }

        /// The phase gates her clinician has confirmed.
        public var confirmedGates: Set<PhaseGate> { record?.state.adjustments.confirmedGates ?? [] }

        /// What her clinician changed, if anyone has.
        public var adjustments: ClinicianAdjustments { record?.state.adjustments ?? .none }

        /// True while a safety check has paused the program.
        public var paused: Bool { record?.paused ?? false }

        /// Which days carry a session, from the program's start date.
        public var schedule: SessionSchedule? {
            record.map { $0.schedule(sessionsPerWeek: answers.daysPerWeek) }
        }
    }

    /// `date` (her today when nil) is the day the program stands for: the weeks since the birth are counted to it.
    public func current(for user: User, on date: LocalDate? = nil) async throws -> Current {
        guard let current = try await currentIfAnswered(for: user, on: date) else {
            throw ServiceError.notFound("There are no answers yet. Answer the intake questions first.")
        }
        return current
    }

    /// The current state, or nil before the first intake (web pages send her to the wizard instead of a 404).
    public func currentIfAnswered(for user: User, on date: LocalDate? = nil) async throws -> Current? {
        guard let (intake, record) = try await context.store.intakeAndProgram(for: user.id) else { return nil }
        return assess(intake.answers, record: record, painCeiling: user.painCeiling, today: date ?? context.today(for: user))
    }

    /// Her saved answers, or nil before the first intake.
    public func answers(for user: User) async throws -> IntakeAnswers? {
        try await context.store.intake(for: user.id)?.answers
    }

    /// Whether she has answered the intake at all.
    public func hasAnswers(_ user: User) async throws -> Bool {
        try await answers(for: user) != nil
    }

    func assess(_ saved: IntakeAnswers, record: ProgramRecord?, painCeiling: Int?, today: LocalDate) -> Current {
        // Every rule reads the weeks since the birth as they are today, counted from the birth date.
        // Her clinician's sessions a week and minutes stand in for hers; her stored answers never change.
        let answers = (record?.state.adjustments ?? .none).applied(
            to: saved.on(today).including(reported: record?.state.reportedSymptoms ?? []))
        let key = AssessmentKey(
            answers: answers, startDate: record?.startDate ?? today, state: record?.state, painCeiling: painCeiling)
        // Triage and planning are pure functions of the key, so a plan worked out once serves every later request.
        let assessment = context.assessments.value(for: key) {
            context.coach.assess(key.answers, startDate: key.startDate, state: key.state, painCeilingOverride: key.painCeiling)
        }
        return Current(answers: answers, record: record, assessment: assessment)
    }

    /// "I've had my postnatal check and I'm cleared": her saved answers with that one changed, through the same
    /// triage and phase rules as a new intake.
    public func confirmCleared(for user: User) async throws -> Current {
        guard var answers = try await answers(for: user) else {
            throw ServiceError.notFound("There are no answers yet. Answer the intake questions first.")
        }
        answers.clinicianCleared = true
        return try await saveIntake(answers, for: user)
    }

    /// Today offers that tap from 6 weeks after the birth (the usual postnatal check) until she is cleared.
    public static func offersClearance(_ current: Current) -> Bool {
        current.answers.weeksSinceBirth >= 6 && !current.answers.clinicianCleared
    }

    /// Saves new answers; a withheld program keeps the old record (and her progress) for when it can run again.
    public func saveIntake(_ given: IntakeAnswers, for user: User) async throws -> Current {
        let today = context.today(for: user)
        if let birth = given.birthDate {
            guard birth <= today else {
                throw ServiceError.invalid("The birth date can't be after today (\(today)).", field: "birthDate")
            }
            guard birth >= today.adding(days: -7 * IntakeAnswers.Limits.weeksSinceBirth.upperBound) else {
                throw ServiceError.invalid("The birth date must be within the last 10 years.", field: "birthDate")
            }
        }
        // A birth date is always kept: the one she gave, or one estimated from the weeks she gave.
        let answers = given.withBirthDate(today: today)
        let store = context.store
        let existing = try await store.program(for: user.id)
        let triage = context.coach.triageEngine.triage(answers)
        let record = triage.programAllowed ? self.record(for: answers, existing: existing, today: today) : existing
        do {
            try await store.saveIntake(answers, program: record, for: user.id, now: context.now())
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        return try await current(for: user)
    }

    /// A new record for a first intake, or the old one with its phase held within what the new answers allow.
    func record(for answers: IntakeAnswers, existing: ProgramRecord?, today: LocalDate) -> ProgramRecord {
        let allowed = PhaseRules.allowedPhase(for: answers, confirmed: existing?.state.adjustments.confirmedGates ?? []).phase
        guard var record = existing else {
            return ProgramRecord(startDate: today, state: ProgramState(phase: allowed))
        }
        record.state.phase = min(record.state.phase, allowed)
        return record
    }
}

/// Everything `Coach.assess` reads.
struct AssessmentKey: Hashable, Sendable {
    let answers: IntakeAnswers
    let startDate: LocalDate
    let state: ProgramState?
    let painCeiling: Int?
}
