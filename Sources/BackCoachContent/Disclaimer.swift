/// The line every page that gives exercise or health advice carries (clinical-reference section 1.3).
public enum Disclaimer {
    public static let text =
        "BackCoach is education, not medical advice. It does not diagnose and does not replace your midwife, GP or a pelvic-health physio."
}
