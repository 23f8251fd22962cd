/// One exercise of the catalogue (clinical-reference section 4), as bundled content.
public struct Exercise: Codable, Equatable, Sendable, Identifiable {
    /// Kebab-case, stable: used in URLs, feedback and saved programs.
    public let id: String
    /// The reference code, e.g. "C1b".
    public let ref: String
    public let pillar: Pillar
    public let title: String
    public let purpose: String
    public let startPosition: String
    public let steps: [String]
    public let cues: [String]
    public let mistakes: [String]
    /// Where a new program starts.
    public let dose: Dose
    /// The most this exercise asks before moving on to its progression.
    public let targetDose: Dose
    /// The earliest program phase (0–3) it may appear in.
    public let earliestPhase: Int
    /// Items she must have; without them the exercise is left out.
    public let equipment: [Equipment]
    /// The next harder exercise, if any.
    public let progression: String?
    /// The easier exercise to fall back to, if any.
    public let regression: String?
    public let conditions: [ExerciseCondition]
    public let sources: [String]

    public func conditions(matching keys: Set<ConditionKey>) -> [ExerciseCondition] {
        conditions.filter { keys.contains($0.when) }
    }
}
