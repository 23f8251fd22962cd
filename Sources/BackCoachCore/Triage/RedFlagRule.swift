/// One red flag as bundled content: the question every interface asks, how urgent a "yes" is,
/// the combinations that make it more urgent, and the plain-language advice.
public struct RedFlagRule: Codable, Equatable, Sendable {
    public let id: RedFlagID
    /// A short name for the flag, e.g. "Chest pain or sudden breathlessness".
    public let title: String
    /// How she says it when she calls for help, after "I have": "a painful, swollen leg". Fills "[symptom]" in
    /// the script the urgent and emergency actions give her.
    public let spoken: String?
    /// The question, in plain words; "not sure" counts as yes. With `items`, the lead-in to them.
    public let question: String
    /// Asked as separate short questions instead of one long one (RF-10): a "yes" or "not sure" to any raises the flag.
    public let items: [String]?
    /// The wording for the before-session check, where the intake's ("since the birth") would never let her answer
    /// no again after one past episode.
    public let dailyQuestion: String?
    public let level: TriageLevel
    /// Its own timing within the level (e.g. "within 48 hours" for an urgent flag); the level's when nil.
    public let timing: TriageTiming?
    public let escalations: [Escalation]
    /// Asked after a "yes" or "not sure": a "yes" raises the flag to the follow-up's level.
    public let followUps: [FollowUp]
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

    /// The words for "[symptom]": her own when content gives them, else the title.
    public var spokenWords: String { spoken ?? title.prefix(1).lowercased() + title.dropFirst() }

    /// The timing a "yes" has on its own.
    public var ownTiming: TriageTiming { timing ?? TriageTiming.default(for: level) ?? .nextAppointment }

    /// A question asked only when the flag was raised, whose "yes" makes it more urgent.
    public struct FollowUp: Codable, Equatable, Sendable {
        public let id: RedFlagFollowUpID
        public let question: String
        /// The sign as a statement, for lists such as the "when to see a doctor" article.
        public let sign: String
        public let level: TriageLevel
        public let reason: String
    }

    enum CodingKeys: String, CodingKey {
        case id, title, spoken, question, dailyQuestion, items, level, timing, escalations, followUps, advice, action, adviceWhenWithheld,
            rescreen,
            sources
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(RedFlagID.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        spoken = try container.decodeIfPresent(String.self, forKey: .spoken)
        question = try container.decode(String.self, forKey: .question)
        items = try container.decodeIfPresent([String].self, forKey: .items)
        dailyQuestion = try container.decodeIfPresent(String.self, forKey: .dailyQuestion)
        level = try container.decode(TriageLevel.self, forKey: .level)
        timing = try container.decodeIfPresent(TriageTiming.self, forKey: .timing)
        escalations = try container.decode([Escalation].self, forKey: .escalations)
        followUps = try container.decodeIfPresent([FollowUp].self, forKey: .followUps) ?? []
        advice = try container.decode(String.self, forKey: .advice)
        action = try container.decodeIfPresent(String.self, forKey: .action)
        adviceWhenWithheld = try container.decodeIfPresent(String.self, forKey: .adviceWhenWithheld)
        rescreen = try container.decode(Bool.self, forKey: .rescreen)
        sources = try container.decode([String].self, forKey: .sources)
    }

    /// The questions a person answers for this flag: its items, or the one question.
    public var questionsAsked: [String] { items ?? [question] }

    /// The questions of the before-session check.
    public var questionsAskedDaily: [String] { items ?? [dailyQuestion ?? question] }

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

    public func followUp(_ id: RedFlagFollowUpID) -> RedFlagRule.FollowUp? {
        rule(id.flag)?.followUps.first { $0.id == id }
    }

    /// Every flag defined once, every level with an action, escalations only upward.
    public func validate() throws(ContentError) {
        let ids = flags.map(\.id)
        let missing = RedFlagID.allCases.filter { !ids.contains($0) }
        if !missing.isEmpty { throw ContentError("red flags missing: \(missing.map(\.rawValue).joined(separator: ", "))") }
        if Set(ids).count != ids.count { throw ContentError("a red flag is defined twice") }
        let followUps = flags.flatMap(\.followUps).map(\.id)
        let missingFollowUps = RedFlagFollowUpID.allCases.filter { !followUps.contains($0) }
        if !missingFollowUps.isEmpty || Set(followUps).count != followUps.count {
            throw ContentError(
                "red flags: each follow-up must be defined once (missing: \(missingFollowUps.map(\.rawValue).joined(separator: ", ")))")
        }
        for level in TriageLevel.allCases where level != .none && action(for: level).isEmpty {
            throw ContentError("red flags: no action text for level \(level.rawValue)")
        }
        for flag in flags {
            if flag.question.isEmpty || flag.advice.isEmpty || flag.title.isEmpty {
                throw ContentError("\(flag.id.rawValue): title, question and advice are required")
            }
            if flag.level == .none { throw ContentError("\(flag.id.rawValue): level cannot be none") }
            // Every flag can be raised into a script she reads out ("I have …"), so each says how.
            if (flag.spoken ?? "").isEmpty {
                throw ContentError("\(flag.id.rawValue): spoken is required (what she says after \"I have\")")
            }
            if let timing = flag.timing, !TriageTiming.allowed(for: flag.level).contains(timing) {
                throw ContentError("\(flag.id.rawValue): timing \(timing.rawValue) doesn't fit level \(flag.level.rawValue)")
            }
            if flag.sources.isEmpty { throw ContentError("\(flag.id.rawValue): cite at least one source") }
            for escalation in flag.escalations where escalation.level <= flag.level {
                throw ContentError("\(flag.id.rawValue): an escalation must raise the level")
            }
            if let items = flag.items, items.isEmpty || items.contains(where: \.isEmpty) {
                throw ContentError("\(flag.id.rawValue): items, when given, must be a list of questions")
            }
            for followUp in flag.followUps {
                guard followUp.id.flag == flag.id else {
                    throw ContentError("\(flag.id.rawValue): follow-up \(followUp.id.rawValue) belongs to \(followUp.id.flag.rawValue)")
                }
                guard followUp.level > flag.level, !followUp.question.isEmpty, !followUp.reason.isEmpty, !followUp.sign.isEmpty else {
                    throw ContentError("\(followUp.id.rawValue): a follow-up needs a question and a reason, and must raise the level")
                }
            }
        }
    }
}
