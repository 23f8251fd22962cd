/// Words that turn a search into a question about a warning sign. Content (`safety-vocabulary.json`); matched
/// before any ranking, as whole words, so that no typo tolerance can turn "harm" into "arm".
public struct SafetyVocabulary: Codable, Equatable, Sendable {
    public let entries: [Entry]

    public struct Entry: Codable, Equatable, Sendable {
        public let flag: RedFlagID
        /// An article that helps, listed first.
        public let article: String?
        public let phrases: [String]
    }

    /// Lower case, letters and digits only, one space between words ("Can't  breathe!" → "cant breathe").
    public static func normalized(_ text: String) -> String {
        text.lowercased().filter { $0 != "'" && $0 != "’" }
            .split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }

    /// Every entry one of whose phrases the query holds, with the words of that phrase.
    public func matches(_ query: String) -> [(entry: Entry, words: Set<String>)] {
        let padded = " " + Self.normalized(query) + " "
        return entries.compactMap { entry in
            let found = entry.phrases.map(Self.normalized).filter { !$0.isEmpty && padded.contains(" " + $0 + " ") }
            guard !found.isEmpty else { return nil }
            return (entry, Set(found.flatMap { $0.split(separator: " ").map(String.init) }))
        }
    }

    public func validate(flags: RedFlagRuleSet, articles: Set<String>) throws(ContentError) {
        for entry in entries {
            guard flags.rule(entry.flag) != nil else { throw ContentError("safety-vocabulary: \(entry.flag.rawValue) is not a red flag") }
            guard !entry.phrases.isEmpty, entry.phrases.allSatisfy({ !Self.normalized($0).isEmpty }) else {
                throw ContentError("safety-vocabulary: \(entry.flag.rawValue) has an empty phrase")
            }
            if let article = entry.article, !articles.contains(article) {
                throw ContentError("safety-vocabulary: \(entry.flag.rawValue) names article \(article), which doesn't exist")
            }
        }
    }
}
