/// Facts about a person that change which exercises suit her, derived from the intake.
/// Exercises refer to these keys in their `conditions` so the rules stay data, not code.
public enum ConditionKey: String, IntakeOption {
    /// Pelvic girdle pain: pain at the back of the pelvis or the pubic bone, or a painful PGP test (CTX-5).
    case pelvicGirdlePain
    /// Pain at the front of the pelvis, or a known symphysis separation.
    case pubicPain
    /// Leaking, urgency, heaviness, bulge or pain with sex (CTX-4).
    case pelvicFloorSymptoms
    /// Heaviness, dragging or a bulge: possible prolapse symptoms.
    case heavinessOrBulge
    /// A tummy gap of 2 finger-widths or more (CTX-3).
    case diastasis
    /// Caesarean birth less than 6 weeks ago (CTX-2).
    case caesareanUnder6Weeks
    /// Caesarean birth less than 12 weeks ago: the wound is still healing (CTX-2).
    case caesareanUnder12Weeks
    case breastfeeding
    /// The first 6 weeks after any birth.
    case under6Weeks
}

/// What a condition does to an exercise.
public enum ConditionEffect: String, Codable, Sendable {
    /// Left out while the condition holds.
    case exclude
    /// Left out at first; brought in only after feedback shows the other exercises don't hurt (CTX-5).
    case deferUntilTolerated
    /// Kept, with the note shown beside it.
    case modify
}

public struct ExerciseCondition: Codable, Equatable, Sendable {
    public let when: ConditionKey
    public let effect: ConditionEffect
    /// Why it is left out, or how to change it, in plain words.
    public let note: String
}
