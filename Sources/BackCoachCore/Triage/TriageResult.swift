/// The outcome of a red-flag screen. It never diagnoses: it says who to see and how soon.
public struct TriageResult: Codable, Equatable, Sendable {
    /// The most urgent level among the flags (`none` when nothing was flagged).
    public let level: TriageLevel
    /// False for emergency or urgent: the exercise program is withheld.
    public let programAllowed: Bool
    /// What to do now, in one sentence; nil when nothing was flagged.
    public let action: String?
    /// How soon, from the most urgent flag's own timing; nil when nothing was flagged.
    public let timing: TriageTiming?
    /// Most urgent first.
    public let flags: [TriageFlag]
}

public struct TriageFlag: Codable, Equatable, Sendable {
    public let id: RedFlagID
    public let level: TriageLevel
    public let timing: TriageTiming
    public let title: String
    /// Who to contact, how soon, and why, in plain words.
    public let advice: String
    public let sources: [String]
}
