/// The meaningful-change thresholds of clinical-reference section 6, in one place.
public enum OutcomeThresholds {
    /// NPRS: a fall of at least 2 points... [S50, S51]
    public static let painPoints = 2.0
    /// ...and at least 30% from baseline (app rule 6.1) [S51].
    public static let painFraction = 0.30
    /// PSFS average: at least 2 points (meets the MDC, exceeds the small MID) [S57, S54].
    public static let psfsAveragePoints = 2.0
    /// PSFS single activity: at least 3 points [S57].
    public static let psfsActivityPoints = 3
    /// Days of check-ins averaged for the baseline and for "latest".
    public static let windowDays = 7
    /// No improvement after this many days → suggest a physio (rule 5.2-8, RF-19) [S12].
    public static let noImprovementDays = 14
    /// A rise of this much in the weekly average → regress and check with a clinician (rule 5.2-5).
    public static let weeklyRisePoints = 2.0
}
