public enum ProgressionAction: String, Codable, Sendable {
    case progress, hold, regress
}

/// What changes for one exercise after a session, and why, in plain words.
public struct ProgressionDecision: Codable, Equatable, Sendable {
    /// The exercise the feedback was about.
    public let exerciseID: String
    public let action: ProgressionAction
    /// The exercise to do next time (the same one unless it moved along its links).
    public let nextExerciseID: String
    public let nextDose: Dose
    public let reason: String
    /// The rule applied, e.g. "5.2-6".
    public let rule: String
}

extension ProgressionDecision {
    /// The same decision with a sentence added to its reason.
    func adding(_ sentence: String) -> ProgressionDecision {
        ProgressionDecision(
            exerciseID: exerciseID, action: action, nextExerciseID: nextExerciseID, nextDose: nextDose, reason: reason + " " + sentence,
            rule: rule)
    }
}
