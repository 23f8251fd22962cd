/// A closed set of answers whose raw values are the words used in the intake JSON.
public protocol IntakeOption: RawRepresentable<String>, CaseIterable, Codable, Hashable, Sendable, Comparable {}

extension IntakeOption {
    public static func < (lhs: Self, rhs: Self) -> Bool {
        let all = Array(allCases)
        return all.firstIndex(of: lhs)! < all.firstIndex(of: rhs)!
    }

    /// "a, b, c" — used in error messages and help text.
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

public enum Delivery: String, IntakeOption {
    case vaginal, assisted, caesarean
}

/// Birth and recovery complications that keep the program in phase 0 until a clinician clears more (CTX-7).
public enum Complication: String, IntakeOption {
    case preeclampsia, heavyBleeding, infection, woundProblem, significantTear, symphysisSeparation
}

public enum PainArea: String, IntakeOption {
    case lowBack, pelvicBack, pubic, hip, upperBack, neck
}

public enum PelvicFloorSymptom: String, IntakeOption {
    case leaking, urgency, heaviness, painWithSex, bulge
}

/// Posture habits the coaching cues address (a coaching idea, not a diagnosis).
public enum GluteHabit: String, IntakeOption {
    case clenching, tuckedTailbone, roundedBack
}

/// Everyday movements that hurt; any of them points to pelvic girdle pain (CTX-5).
public enum PGPTest: String, IntakeOption {
    case oneLegStanding, rollingInBed, gettingOutOfCar
}

public enum Equipment: String, IntakeOption {
    case miniBand, cushion, chair, wall, doorway
}

/// Things linked with a slower recovery (CTX-8): they send her to a physio earlier, never to alarm.
public enum RecoveryFactor: String, IntakeOption {
    case backPainBefore, strongPainInPregnancy, earlierBirths
}
