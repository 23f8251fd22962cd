/// How soon she should get help, in the words every interface uses (clinical-reference section 2). A level sets the
/// outer limit; some flags set their own, slower timing within it (e.g. RF-13, a GP within days).
public enum TriageTiming: String, Codable, CaseIterable, Comparable, Sendable {
    case nextAppointment, withinDays, within48Hours, today, now

    public static func < (lhs: TriageTiming, rhs: TriageTiming) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The timing a level has when a flag doesn't set its own.
    public static func `default`(for level: TriageLevel) -> TriageTiming? {
        switch level {
        case .emergency: .now
        case .urgent: .today
        case .nextAppointment: .nextAppointment
        case .none: nil
        }
    }

    /// The timings a flag of `level` may have: never faster or slower than its level allows.
    public static func allowed(for level: TriageLevel) -> Set<TriageTiming> {
        switch level {
        case .emergency: [.now]
        case .urgent: [.today, .within48Hours, .withinDays]
        case .nextAppointment: [.nextAppointment]
        case .none: []
        }
    }

    /// A short label, e.g. for the command line: "get help now", "within 48 hours".
    public var label: String {
        switch self {
        case .now: "get help now"
        case .today: "today"
        case .within48Hours: "within 48 hours"
        case .withinDays: "within a few days"
        case .nextAppointment: "next appointment"
        }
    }

    /// The headline of a result whose most urgent flag has this timing.
    public var headline: String {
        switch self {
        case .now: "Please stop and get help now"
        case .today: "Please contact a health professional today"
        case .within48Hours: "Please see a doctor within 48 hours"
        case .withinDays: "Please see your GP within the next few days"
        case .nextAppointment: "Mention this at your next appointment"
        }
    }
}
