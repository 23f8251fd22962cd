/// A week of sessions for one person. Deterministic: the same answers, state and start date
/// always give the same program.
public struct Program: Codable, Equatable, Sendable {
    public let startDate: LocalDate
    /// When to look again at the phase and the plan (one week on).
    public let reviewDate: LocalDate
    public let phase: PhaseDecision
    public let painCeiling: Int
    public let minutesPerDay: Int
    public let sessions: [PlannedSession]
    /// Catalogue exercises left out for now, each with the reason.
    public let excluded: [ExcludedExercise]
    public let notes: [ProgramNote]
}

public struct PlannedSession: Codable, Equatable, Sendable {
    /// 1-based; sessions are not tied to weekdays.
    public let number: Int
    public let exercises: [PlannedExercise]
    public let estimatedSeconds: Int

    /// Whole minutes, rounded, at least 1: what a person is told to expect.
    public var estimatedMinutes: Int { max(1, Int((Double(estimatedSeconds) / 60).rounded())) }
}

public struct PlannedExercise: Codable, Equatable, Sendable {
    public let id: String
    public let ref: String
    public let pillar: Pillar
    public let title: String
    public let dose: Dose
    public let doseSummary: String
    public let estimatedSeconds: Int
    /// How to change it for her (from the exercise's `modify` conditions).
    public let notes: [String]
}

public struct ExcludedExercise: Codable, Equatable, Sendable {
    public let id: String
    public let ref: String
    public let title: String
    public let reason: String
}

public struct ProgramNote: Codable, Equatable, Sendable {
    public let id: ProgramNoteID
    public let text: String
    public let sources: [String]
}

/// The plain-language notes a program can carry. Their text is content (`program-notes.json`);
/// which ones apply is decided in `ProgramNotesRules`.
public enum ProgramNoteID: String, IntakeOption {
    case disclaimer, stopSigns, painCeiling, physioForEveryone, postnatalCheck, complications
    case caesarean, assistedOrTear, diastasis, pelvicFloor, pelvicGirdlePain, breastfeeding, postureHabits, earlyPhysio
    case mentionFlags
}

/// The note texts as bundled content.
public struct ProgramNoteText: Codable, Equatable, Sendable {
    public let text: String
    public let sources: [String]
}
