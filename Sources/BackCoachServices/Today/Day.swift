import BackCoachCore

/// What a day holds for her: a session (and whether the safety check is still due), a rest day, a program paused
/// by a safety check, or none because triage withholds it. The Today page shows it; GET /api/v1/me/today sends it.
public struct Day: Encodable, Sendable {
    public enum Status: String, Encodable, Sendable { case session, rest, withheld, paused }

    public let date: LocalDate
    public let status: Status
    public let sessionNumber: Int?
    public let session: PlannedSession?
    public let screenRequired: Bool
    public let completed: Bool
    public let tip: String?
    /// Why there is no session (withheld or paused).
    public let triage: TriageResult?
    /// Who to call, with her country's numbers, whenever there is no session for a safety reason.
    public let contacts: Contacts?
    /// The day of a session still waiting for "how is your pain this morning?" (rule 5.2-4).
    public let nextMorningFor: LocalDate?
    /// She has checked in for this day.
    public var checkedIn = false
    /// Said once: her plan moved to another phase, or time opened the next one, since she last saw Today.
    public var phaseNews: String?
    /// A note her clinician left for her Today page.
    public var clinicianNote: String?

    enum CodingKeys: String, CodingKey {
        case date, status, sessionNumber, session, estimatedMinutes, screenRequired, completed, tip, triage, contacts, nextMorningFor
        case phaseNews, checkedIn, clinicianNote
    }

    public init(
        date: LocalDate, status: Status, sessionNumber: Int? = nil, session: PlannedSession? = nil, screenRequired: Bool = false,
        completed: Bool = false, tip: String? = nil, triage: TriageResult? = nil, contacts: Contacts? = nil,
        nextMorningFor: LocalDate? = nil
    ) {
        self.date = date
        self.status = status
        self.sessionNumber = sessionNumber
        self.session = session
        self.screenRequired = screenRequired
        self.completed = completed
        self.tip = tip
        self.triage = triage
        self.contacts = contacts
        self.nextMorningFor = nextMorningFor
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(sessionNumber, forKey: .sessionNumber)
        try container.encodeIfPresent(session, forKey: .session)
        try container.encodeIfPresent(session?.estimatedMinutes, forKey: .estimatedMinutes)
        try container.encode(screenRequired, forKey: .screenRequired)
        try container.encode(completed, forKey: .completed)
        try container.encodeIfPresent(tip, forKey: .tip)
        try container.encodeIfPresent(triage, forKey: .triage)
        try container.encodeIfPresent(contacts, forKey: .contacts)
        try container.encodeIfPresent(nextMorningFor, forKey: .nextMorningFor)
        try container.encodeIfPresent(phaseNews, forKey: .phaseNews)
        try container.encode(checkedIn, forKey: .checkedIn)
        try container.encodeIfPresent(clinicianNote, forKey: .clinicianNote)
    }
}

/// Short tips for rest days, rotating by date.
enum RestDayTips {
    static let tips = [
        "Rest day. After a feed, sit tall for a few slow breaths and let your shoulders drop.",
        "Rest day. Squeeze your pelvic floor before you cough, sneeze or lift your baby.",
        "Rest day. Bend your knees and keep your baby close when you lift.",
        "Rest day. Let your buttocks go soft while you stand and rock your baby.",
        "Rest day. A short, easy walk is a good way to keep moving.",
        "Rest day. Lie on your side with a pillow between your knees for a few minutes of rest.",
    ]

    static func tip(for date: LocalDate) -> String {
        tips[abs(LocalDate("2000-01-01")!.days(until: date)) % tips.count]
    }
}
