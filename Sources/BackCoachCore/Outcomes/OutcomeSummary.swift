/// Pain and function change against baseline, with the thresholds used and what it means.
public struct OutcomeSummary: Codable, Equatable, Sendable {
    public let pain: PainChange
    public let psfs: PSFSChange?
    /// True when RF-19 advice applies: no improvement after 2 weeks, or worse than at the start.
    public let suggestPhysio: Bool
    /// True when the weekly average rose by 2 points or more (rule 5.2-5): ease off and check in with a clinician.
    public let easeOff: Bool
    /// Plain sentences for the person, most important first.
    public let messages: [String]
}

public struct PainChange: Codable, Equatable, Sendable {
    /// Average of the first 7 days of check-ins.
    public let baseline: Double?
    /// Average of the last 7 days.
    public let latest: Double?
    /// baseline − latest: positive means less pain.
    public let drop: Double?
    public let meaningfulImprovement: Bool
    public let meaningfulWorsening: Bool
    public let threshold: String
}

public struct PSFSChange: Codable, Equatable, Sendable {
    public let baseline: Double
    public let latest: Double
    /// latest − baseline: positive means doing more.
    public let gain: Double
    public let meaningfulImprovement: Bool
    /// Activities whose own score rose by 3 or more.
    public let improvedActivities: [String]
    public let threshold: String
    /// Each activity the change is of: her first-ever score and her latest, as the averages above take them. A chart
    /// of "first → latest" draws these, so it always says what the sentence says, whatever the window.
    public let activities: [Activity]

    public struct Activity: Codable, Equatable, Sendable {
        public let activity: String
        public let first: Int
        public let latest: Int
    }
}
