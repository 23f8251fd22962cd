/// Program phases by time since birth (CTX-1). Each exercise names the earliest phase it may appear in.
public enum Phase: Int, Codable, CaseIterable, Comparable, Sendable {
    /// 0–2 weeks: breathing, pelvic floor, gentle movement.
    case earlyRecovery = 0
    /// 2–6 weeks: low-load glute work and all-fours positions when comfortable.
    case gentleRebuilding = 1
    /// 6–12 weeks, after the postnatal check: build strength.
    case buildingStrength = 2
    /// 12 weeks on: the full catalogue and its harder steps.
    case fullStrength = 3

    public var title: String {
        switch self {
        case .earlyRecovery: "Phase 0 · Early recovery"
        case .gentleRebuilding: "Phase 1 · Gentle rebuilding"
        case .buildingStrength: "Phase 2 · Building strength"
        case .fullStrength: "Phase 3 · Full strength"
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The phase a person may be in now, and why, in plain words.
public struct PhaseDecision: Codable, Equatable, Sendable {
    public let phase: Phase
    public let title: String
    public let reasons: [String]

    public init(phase: Phase, reasons: [String]) {
        self.phase = phase
        self.title = phase.title
        self.reasons = reasons
    }
}
