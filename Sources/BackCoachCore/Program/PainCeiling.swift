/// The most pain (0–10) an exercise may cause while being done (pain-monitoring model, section 5.1).
///
/// Silbernagel's model allows up to 5/10 [S59]; it was built for tendon pain, so the reference suggests
/// a lower ceiling, such as 3/10, in the first 6 weeks and for pelvic girdle pain [C].
public enum PainCeiling {
    public static let standard = 5
    public static let cautious = 3

    /// The ceiling for this person: an explicit override (0–10) wins; otherwise the cautious
    /// ceiling in the first 6 weeks or with pelvic girdle pain, else the standard one.
    public static func ceiling(for context: ProgramContext, override: Int? = nil) -> Int {
        if let override { return min(10, max(0, override)) }
        let cautious = context.conditions.contains(.under6Weeks) || context.hasPelvicGirdlePain
        return cautious ? Self.cautious : Self.standard
    }
}
