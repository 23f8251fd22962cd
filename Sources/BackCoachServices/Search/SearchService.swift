import BackCoachContent
import BackCoachCore

/// Search that answers a crisis with help: the safety vocabulary is matched before ranking, a match puts a help
/// card first, and its words never reach the typo-tolerant index (so "self harm" can't find arm exercises).
public struct SearchService: Sendable {
    let content: ContentLibrary

    /// Needs only the content: the command line searches without a database.
    public init(content: ContentLibrary) {
        self.content = content
    }

    public static let maxLength = 100

    /// What to do about the warning sign a search named: its level, who to contact and how soon.
    public struct Help: Encodable, Sendable, Equatable {
        public let flag: RedFlagID
        public let level: TriageLevel
        public let title: String
        public let action: String
        public let advice: String
        /// Her country's numbers that this sign calls for (fallback words when her country isn't listed).
        public let contacts: Contacts
    }

    public struct Answer: Encodable, Sendable {
        public let help: Help?
        public let results: [SearchIndex.Hit]

        enum CodingKeys: String, CodingKey { case help, results }

        // `help` is written as null when nothing matched, never left out.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(help, forKey: .help)
            try container.encode(results, forKey: .results)
        }
    }

    /// `country` picks the numbers on the help card: hers when signed in, else a guess from the browser.
    public func search(_ query: String, country: String? = nil, limit: Int = 10) throws(ServiceError) -> Answer {
        guard (1...Self.maxLength).contains(query.unicodeScalars.count) else {
            throw .invalid("q must be 1 to \(Self.maxLength) characters, e.g. ?q=glute%20bridge.", field: "q")
        }
        let vocabulary = content.safetyVocabulary
        let matches = vocabulary.matches(query)
        let ranked = matches.compactMap { match in content.redFlags.rule(match.entry.flag).map { (match.entry, $0) } }
            .enumerated().max { ($0.element.1.level, -$0.offset) < ($1.element.1.level, -$1.offset) }?.element
        let safetyWords = matches.reduce(into: Set<String>()) { $0.formUnion($1.words) }
        let rest = SafetyVocabulary.normalized(query).split(separator: " ").map(String.init).filter { !safetyWords.contains($0) }
        var results = rest.isEmpty ? [] : content.search.search(rest.joined(separator: " "), limit: limit)
        guard let (entry, rule) = ranked else { return Answer(help: nil, results: results) }
        let serious = rule.level >= .urgent
        // For a sign that needs help now, no exercise is offered; the articles that help come first.
        if serious { results = results.filter { $0.kind == "article" } }
        let helpful = [entry.article, serious ? "when-to-see-a-doctor-or-physio" : nil].compactMap { $0 }
        for slug in helpful.reversed() {
            guard let article = content.article(slug) else { continue }
            results.removeAll { $0.kind == "article" && $0.id == slug }
            results.insert(.init(kind: "article", id: slug, title: article.title, summary: article.summary, score: 0), at: 0)
        }
        return Answer(help: help(for: rule, country: country), results: Array(results.prefix(limit)))
    }

    func help(for rule: RedFlagRule, country: String?) -> Help {
        var action = rule.action ?? content.redFlags.action(for: rule.level)
        // The script for the phone call needs her birth date and symptom; a search card says who and how soon.
        if let script = action.range(of: " Tell them:") { action = String(action[..<script.lowerBound]) }
        if rule.level == .nextAppointment, rule.action == nil, let end = action.firstIndex(of: ".") {
            action = String(action[...end])
        }
        return Help(
            flag: rule.id, level: rule.level, title: rule.title, action: action, advice: rule.advice,
            contacts: content.contacts(for: country).needed(for: rule.level, flags: [rule.id]))
    }
}
