/// Where a person is on each progression ladder. A new program starts with an empty state;
/// the progression engine updates it after each session.
public struct ProgramState: Codable, Hashable, Sendable {
    /// The phase she is working in (may trail the phase time allows until the gates in section 5 pass).
    public var phase: Phase
    /// Keyed by the id of each ladder's first exercise.
    public var ladders: [String: ExerciseState]
    /// CTX-5: single-leg and wide-leg exercises deferred for pelvic girdle pain are now allowed.
    public var toleratesDeferred: Bool
    /// The last session's exercises, waiting for the next morning's answer before they count (rule 5.2-4).
    public var pendingMorning: PendingMorning?
    /// Pelvic-floor and tummy-wall symptoms she reported during exercises: they count as her answers (RF-17, CTX-3/4).
    public var reportedSymptoms: Set<ProvokedSymptom>
    /// When the plan last eased off for a weekly pain rise (rule 5.2-5), so it eases once a week at most.
    public var easedOffOn: LocalDate?
    /// The phases the Today page last told her about (`PhaseNews`), so a change is said once.
    public var announced: PhaseAnnouncement?
    /// What her clinician changed (pain limit, exercises out, gates, sessions, a note); empty when nobody has.
    public var adjustments: ClinicianAdjustments

    public init(
        phase: Phase, ladders: [String: ExerciseState] = [:], toleratesDeferred: Bool = false, pendingMorning: PendingMorning? = nil,
        reportedSymptoms: Set<ProvokedSymptom> = [], easedOffOn: LocalDate? = nil, announced: PhaseAnnouncement? = nil,
        adjustments: ClinicianAdjustments = .none
    ) {
        self.announced = announced
        self.adjustments = adjustments
        self.phase = phase
        self.ladders = ladders
        self.toleratesDeferred = toleratesDeferred
        self.pendingMorning = pendingMorning
        self.reportedSymptoms = reportedSymptoms
        self.easedOffOn = easedOffOn
    }

    enum CodingKeys: String, CodingKey {
        case phase, ladders, toleratesDeferred, pendingMorning, reportedSymptoms, easedOffOn, announced, adjustments
    }

    // Programs saved before the next-morning question existed still read.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        phase = try container.decode(Phase.self, forKey: .phase)
        ladders = try container.decode([String: ExerciseState].self, forKey: .ladders)
        toleratesDeferred = try container.decode(Bool.self, forKey: .toleratesDeferred)
        pendingMorning = try container.decodeIfPresent(PendingMorning.self, forKey: .pendingMorning)
        reportedSymptoms = try container.decodeIfPresent(Set<ProvokedSymptom>.self, forKey: .reportedSymptoms) ?? []
        easedOffOn = try container.decodeIfPresent(LocalDate.self, forKey: .easedOffOn)
        announced = try container.decodeIfPresent(PhaseAnnouncement.self, forKey: .announced)
        adjustments = try container.decodeIfPresent(ClinicianAdjustments.self, forKey: .adjustments) ?? .none
    }
}

/// A session waiting for "how is your pain this morning?": which ladders it practised, and whether each went well
/// enough (finished, pain scored and within the limit, no symptoms) to count toward a step up once the morning is
/// settled. A second session the same day adds to it but never counts twice (rule 5.2-6: sessions on different days).
public struct PendingMorning: Codable, Hashable, Sendable {
    public let sessionDate: LocalDate
    /// Ladder root → whether that exercise went well.
    public var ladders: [String: Bool]

    public init(sessionDate: LocalDate, ladders: [String: Bool]) {
        self.sessionDate = sessionDate
        self.ladders = ladders
    }

    /// "The morning after" stretches to the second day after at most: later, she can't fairly say how the
    /// session left her, so the question lapses and the session simply never counts toward a step up (rule 5.2-4).
    public static let answerWindowDays = 2

    /// Whether she can answer for it on `date`: after the session's day, within the window.
    public func askable(on date: LocalDate) -> Bool {
        sessionDate < date && sessionDate.days(until: date) <= Self.answerWindowDays
    }
}

/// The current exercise and dose on one ladder, plus the counters the progression rules need.
public struct ExerciseState: Codable, Hashable, Sendable {
    public var exerciseID: String
    public var dose: Dose
    /// Sessions in a row at this dose that met every rule for progressing (rule 5.2-6).
    public var goodSessions: Int
    /// Next mornings in a row when pain had not settled (rule 5.2-4).
    public var unsettledMornings: Int
    /// Sessions this ladder still sits out: set when it stepped back at its very easiest (a week of sessions).
    public var restSessions: Int

    public init(exerciseID: String, dose: Dose, goodSessions: Int = 0, unsettledMornings: Int = 0, restSessions: Int = 0) {
        self.exerciseID = exerciseID
        self.dose = dose
        self.goodSessions = goodSessions
        self.unsettledMornings = unsettledMornings
        self.restSessions = restSessions
    }

    enum CodingKeys: String, CodingKey { case exerciseID, dose, goodSessions, unsettledMornings, restSessions }

    // Programs saved before resting existed still read.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        exerciseID = try container.decode(String.self, forKey: .exerciseID)
        dose = try container.decode(Dose.self, forKey: .dose)
        goodSessions = try container.decode(Int.self, forKey: .goodSessions)
        unsettledMornings = try container.decode(Int.self, forKey: .unsettledMornings)
        restSessions = try container.decodeIfPresent(Int.self, forKey: .restSessions) ?? 0
    }
}
