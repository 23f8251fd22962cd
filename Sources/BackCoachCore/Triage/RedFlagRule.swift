/// One red flag as bundled content: the question every interface asks, how urgent a "yes" is,
/// the combinations that make it more urgent, and the plain-language advice.
public struct RedFlagRule: Codable, Equatable, Sendable {
    public let id: RedFlagID
    /// A short name for the flag, e.g. "Chest pain or sudden breathlessness".
    public let title: String
    /// The question, in plain words; "not sure" counts as yes.
    public let question: String
    public let level: TriageLevel
    public let escalations: [Escalation]
    /// What to do, specific to this flag (the level's generic action is put in front of it).
    public let advice: String
    /// Replaces the level's generic action when this flag has its own timing (e.g. "GP within a few days").
    public let action: String?
    /// The advice shown instead when a more urgent flag withholds the program: no "carry on" beside "no plan".
    public let adviceWhenWithheld: String?
    /// Part of the short screen repeated before every session.
    public let rescreen: Bool
    /// Source ids from `sources.json`.
    public let sources: [String]

    /// When any of `withAny` is also flagged, this flag rises to `level`.
    public struct Escalation: Codable, Equatable, Sendable {
        public let withAny: [RedFlagID]
        public let level: TriageLevel
        public let reason: String
    }
}

/// The red-flag rules plus the generic action sentence for each level.
public struct RedFlagRuleSet: Codable, Equatable, Sendable {
    public let actions: [String: String]
    public let flags: [RedFlagRule]

    public init(actions: [String: String], flags: [RedFlagRule]) {
        self.actions = actions
        self.flags = flags
    }

    public func action(for level: TriageLevel) -> String { actions[level.rawValue] ?? "" }

    public func rule(_ id: RedFlagID) -> RedFlagRule? { flags.first { $0.id == id } }

    /// Every flag defined once, every level with an action, escalations only upward.
    public func validate() throws(ContentError) {
        let ids = flags.map(\.id)
        let missing = RedFlagID.allCases.filter { !ids.contains($0) }
        if !missing.isEmpty { throw ContentError("red flags missing: \(missing.map(\.rawValue).joined(separator: ", "))") }
        if Set(ids).count != ids.count { throw ContentError("a red flag is defined twice") }
        for level in TriageLevel.allCases where level != .none && action(for: level).isEmpty {
            throw ContentError("red flags: no action text for level \(level.rawValue)")
        }
        for flag in flags {
            if flag.question.isEmpty || flag.advice.isEmpty || flag.title.isEmpty {
                throw ContentError("\(flag.id.rawValue): title, question and advice are required")
            }
            if flag.level == .none { throw ContentError("\(flag.id.rawValue): level cannot be none") }
            if flag.sources.isEmpty { throw ContentError("\(flag.id.rawValue): cite at least one source") }
            for escalation in flag.escalations where escalation.level <= flag.level {
                throw ContentError("\(flag.id.rawValue): an escalation must raise the level")
            }
        }
    }
}
