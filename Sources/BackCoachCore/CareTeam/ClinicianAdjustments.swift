/// What her clinician has changed in her plan. It never changes her answers: the plan is worked out from her answers
/// and these together, through the same rules, so nothing here can put in an exercise that her triage or her phase
/// rules out (an exclusion only takes out; a gate only opens what the reference reserves for a clinician).
public struct ClinicianAdjustments: Codable, Hashable, Sendable {
    /// The pain limit during exercise; a clinician may set it above the cautious default, up to 7 (reference 5.1) [S59, C].
    public var painCeiling: Int?
    /// Exercises taken out, by id. The harder steps of the same ladder stay out with them.
    public var excluded: Set<String>
    /// Phase gates a clinician has confirmed.
    public var confirmedGates: Set<PhaseGate>
    /// Sessions a week and minutes a session, in place of her answers.
    public var sessionsPerWeek: Int?
    public var minutesPerDay: Int?
    /// Shown on her Today page.
    public var note: String?

    public init(
        painCeiling: Int? = nil, excluded: Set<String> = [], confirmedGates: Set<PhaseGate> = [], sessionsPerWeek: Int? = nil,
        minutesPerDay: Int? = nil, note: String? = nil
    ) {
        self.painCeiling = painCeiling
        self.excluded = excluded
        self.confirmedGates = confirmedGates
        self.sessionsPerWeek = sessionsPerWeek
        self.minutesPerDay = minutesPerDay
        self.note = note
    }

    public static let none = ClinicianAdjustments()

    /// The highest pain limit a clinician may set (the 0–7; the reference's 5/10 is the self-managed model).
    public static let painCeilingRange = 0...7
    public static let noteLimit = 500

    public var isEmpty: Bool { self == .none }

    /// Her answers with the clinician's sessions a week and minutes in place: what the plan and her schedule use.
    /// Her stored answers never change.
    public func applied(to answers: IntakeAnswers) -> IntakeAnswers {
        var adjusted = answers
        if let sessionsPerWeek { adjusted.daysPerWeek = sessionsPerWeek }
        if let minutesPerDay { adjusted.minutesPerDay = minutesPerDay }
        return adjusted
    }
}

/// A gate in the phase rules that the reference leaves to a clinician to open.
public enum PhaseGate: String, Codable, CaseIterable, Hashable, Sendable {
    /// CTX-2: after an assisted birth or a significant tear, pelvic-health physio input before passing phase 1 [C, S16].
    case pelvicHealthCheck
    /// CTX-3: a tummy gap of 2 finger-widths or more is reviewed before the hardest steps [S11, S32].
    case tummyGapReview
    /// CTX-1 ≥12 weeks: pelvic-floor symptoms are assessed before the hardest steps [S16].
    case pelvicFloorReview

    /// In the clinician's words, for the form and the log.
    public var title: String {
        switch self {
        case .pelvicHealthCheck: "Pelvic-health check done after an assisted birth or a bigger tear"
        case .tummyGapReview: "Tummy gap reviewed: the hardest steps may start"
        case .pelvicFloorReview: "Pelvic-floor symptoms assessed: the hardest steps may start"
        }
    }
}
