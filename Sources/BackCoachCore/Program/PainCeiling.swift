/// The most pain (0–10) an exercise may cause while being done (pain-monitoring model, section 5.1).
///
/// Silbernagel's model allows up to 5/10 [S59]; it was built for tendon pain, so the reference suggests
/// a lower ceiling, such as 3/10, in the first 6 weeks and for pelvic girdle pain [C].
public enum PainCeiling {
    public static let standard = 5
    public static let cautious = 3

    /// The ceiling for this person: the cautious one in the first 6 weeks or with pelvic girdle pain, else the
    /// standard one. Her own choice can only lower it (reference 5.1: a higher limit is a clinician's decision), so a
    /// limit she set higher earlier, or one that time has overtaken, never raises it.
    /// `clinician`: the limit her clinician set (0–7), which replaces the default; her own choice still only lowers it.
    public static func ceiling(for context: ProgramContext, override: Int? = nil, clinician: Int? = nil) -> Int {
        let recommended =
            clinician.map { min(max(0, $0), ClinicianAdjustments.painCeilingRange.upperBound) } ?? defaultCeiling(for: context)
        guard let override else { return recommended }
        return min(recommended, max(0, override))
    }

    /// The cautious default for her situation, the most she may choose herself.
    public static func defaultCeiling(for context: ProgramContext) -> Int {
        context.conditions.contains(.under6Weeks) || context.hasPelvicGirdlePain ? Self.cautious : Self.standard
    }
}
