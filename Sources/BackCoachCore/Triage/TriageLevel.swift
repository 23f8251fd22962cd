/// How soon a person should get help, from least to most urgent (clinical-reference section 2).
public enum TriageLevel: String, Codable, CaseIterable, Comparable, Sendable {
    /// No flag: the program may run.
    case none
    /// Raise at the next planned visit or book a pelvic-health physio; the program runs, modified.
    case nextAppointment
    /// Contact maternity triage, midwife, GP or obstetrician today; no exercise program.
    case urgent
    /// Call the emergency number or go to the emergency department now; no exercise program.
    case emergency

    public static func < (lhs: TriageLevel, rhs: TriageLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Emergency and urgent flags always win over exercise.
    public var allowsProgram: Bool { self < .urgent }
}
