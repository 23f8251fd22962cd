import Foundation

/// What a clinician should look at first for one client, worked out from her record. Pure: the same record and date
/// always give the same alerts.
public enum CareAlerts {
    /// What the rules read. Dates are in her time zone.
    public struct Record: Sendable {
        public var today: LocalDate
        /// Her plan's first day; nil while no plan has ever run (inactivity alerts wait for a plan a week old).
        public var programStart: LocalDate?
        /// A safety check paused her plan.
        public var paused: Bool
        /// The intake's triage: its level and flags.
        public var intakeFlags: [TriageFlag]
        /// Safety checks and session stop signs of the last two weeks: (date, level, flags).
        public var checks: [(date: LocalDate, level: TriageLevel, flags: [RedFlagID])]
        /// Pain check-ins of the last two weeks.
        public var pain: [PainCheckin]
        /// The last check-in's date, however long ago.
        public var lastCheckin: LocalDate?
        /// Sessions of the last two weeks: date and what she reported.
        public var sessions: [(date: LocalDate, feedback: [ExerciseFeedback])]
        /// The last session's date, however long ago.
        public var lastSession: LocalDate?
        /// Her pain limit, for "pain over the limit during an exercise".
        public var ceiling: Int

        public init(
            today: LocalDate, programStart: LocalDate?, paused: Bool, intakeFlags: [TriageFlag],
            checks: [(date: LocalDate, level: TriageLevel, flags: [RedFlagID])], pain: [PainCheckin], lastCheckin: LocalDate?,
            sessions: [(date: LocalDate, feedback: [ExerciseFeedback])], lastSession: LocalDate?, ceiling: Int
        ) {
            self.today = today
            self.programStart = programStart
            self.paused = paused
            self.intakeFlags = intakeFlags
            self.checks = checks
            self.pain = pain
            self.lastCheckin = lastCheckin
            self.sessions = sessions
            self.lastSession = lastSession
            self.ceiling = ceiling
        }
    }

    /// Days without a session or a check-in before the clinician hears of it.
    public static let quietDays = 7
    /// A weekly rise of the 7-day average pain by this much is a meaningful change (reference 5.2-5, NRS MCID) [S61].
    public static let painRise = 2.0

    public static func alerts(for record: Record, exerciseTitle: (String) -> String) -> [CareAlert] {
        var alerts: [CareAlert] = []
        let stops = record.checks.filter { $0.level >= .urgent }
        if record.paused || !stops.isEmpty {
            let date = stops.last?.date
            alerts.append(
                CareAlert(
                    kind: .safetyStop, date: date,
                    text: "A safety check stopped her plan" + (date.map { _ in " on \(CareAlert.dateToken)" } ?? "") + "."
                        + (stops.last.map { " Flags: \($0.flags.map(\.rawValue).joined(separator: ", "))." } ?? "")))
        }
        let raised = record.intakeFlags.filter { $0.level > .none }
        if !raised.isEmpty {
            alerts.append(
                CareAlert(
                    kind: .redFlag, date: nil,
                    text: "Her intake raised " + raised.map { "\($0.id.rawValue) (\($0.title))" }.joined(separator: ", ") + "."))
        }
        let flagged = record.checks.filter { $0.level == .nextAppointment }
        if let last = flagged.last {
            alerts.append(
                CareAlert(
                    kind: .redFlag, date: last.date,
                    text:
                        "A check on \(CareAlert.dateToken) raised \(last.flags.map(\.rawValue).joined(separator: ", ")) for her next appointment."
                ))
        }
        if let rise = OutcomeCalculator.weeklyRise(record.pain, asOf: record.today), rise >= painRise {
            alerts.append(
                CareAlert(
                    kind: .painRise, date: record.today,
                    text: "Her average pain rose by \(rise.oneDecimal) points this week compared with last week."))
        }
        for session in record.sessions.reversed() {
            let reports = session.feedback.filter { !$0.symptoms.isEmpty || ($0.painDuring ?? 0) > record.ceiling }
            guard !reports.isEmpty else { continue }
            let words = reports.map { feedback in
                var parts = feedback.symptoms.map(\.rawValue).sorted()
                if let pain = feedback.painDuring, pain > record.ceiling {
                    parts.append("pain \(pain)/10 over her limit of \(record.ceiling)")
                }
                return "\(exerciseTitle(feedback.exerciseID)): \(parts.joined(separator: ", "))"
            }
            alerts.append(
                CareAlert(
                    kind: .symptoms, date: session.date,
                    text: "During the session on \(CareAlert.dateToken) she reported " + words.joined(separator: "; ") + "."))
            break
        }
        if let start = record.programStart, start.days(until: record.today) >= quietDays, !record.paused {
            if record.lastSession.map({ $0.days(until: record.today) >= quietDays }) ?? true {
                alerts.append(
                    CareAlert(kind: .noSession, date: record.lastSession, text: Self.quiet("session", since: record.lastSession)))
            }
            if record.lastCheckin.map({ $0.days(until: record.today) >= quietDays }) ?? true {
                alerts.append(
                    CareAlert(kind: .noCheckin, date: record.lastCheckin, text: Self.quiet("check-in", since: record.lastCheckin)))
            }
        }
        return alerts.sorted { $0.kind.rank > $1.kind.rank }
    }

    static func quiet(_ what: String, since last: LocalDate?) -> String {
        "No \(what) logged for \(quietDays) days or more"
            + (last.map { _ in " (the last was on \(CareAlert.dateToken))." } ?? " (none in the last two weeks).")
    }
}

/// One thing a clinician should look at, with the evidence's date.
public struct CareAlert: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case safetyStop, redFlag, painRise, symptoms, noSession, noCheckin

        /// How urgent, for sorting the client list: a safety stop first, inactivity last.
        public var rank: Int {
            switch self {
            case .safetyStop: 5
            case .redFlag: 4
            case .symptoms: 3
            case .painRise: 3
            case .noSession, .noCheckin: 1
            }
        }

        /// Which part of the client page holds the evidence.
        public var evidence: String {
            switch self {
            case .safetyStop, .redFlag: "safety"
            case .painRise, .noCheckin: "pain"
            case .symptoms: "sessions"
            case .noSession: "adherence"
            }
        }
    }

    public let kind: Kind
    public let date: LocalDate?
    /// The words, with `dateToken` where `date` goes: each interface writes the date its own way.
    public let text: String

    public static let dateToken = "{date}"

    /// The words with the date written by `format` (a page: "Friday 4 December"; the API: 2026-12-04).
    public func text(dates format: (LocalDate) -> String) -> String {
        guard let date else { return text }
        return text.replacingOccurrences(of: Self.dateToken, with: format(date))
    }

    public init(kind: Kind, date: LocalDate?, text: String) {
        self.kind = kind
        self.date = date
        self.text = text
    }
}
