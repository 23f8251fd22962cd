import Foundation

/// A small ranked search over articles and exercises, tolerant of typos.
///
/// Scoring is TF-IDF with field weights (a title match counts most), normalised by field length. A query word that matches no
/// indexed word exactly also matches words within a small edit distance (1 for words of 4–7 letters,
/// 2 for longer ones), at a lower weight, so "glutte brige" still finds the glute bridge.
public struct SearchIndex: Sendable {
    public struct Document: Sendable {
        public let kind: String
        public let id: String
        public let title: String
        public let summary: String
        public let body: String

        public init(kind: String, id: String, title: String, summary: String, body: String) {
            self.kind = kind
            self.id = id
            self.title = title
            self.summary = summary
            self.body = body
        }
    }

    public struct Hit: Codable, Equatable, Sendable {
        public let kind: String
        public let id: String
        public let title: String
        public let summary: String
        public let score: Double

        public init(kind: String, id: String, title: String, summary: String, score: Double) {
            self.kind = kind
            self.id = id
            self.title = title
            self.summary = summary
            self.score = score
        }
    }

    private let documents: [Document]
    /// word → (document index → weighted term frequency)
    private let postings: [String: [Int: Double]]
    private let vocabulary: [String]

    static let fieldWeights = (title: 5.0, summary: 2.0, body: 1.0)

    public init(documents: [Document]) {
        self.documents = documents
        var postings: [String: [Int: Double]] = [:]
        for (index, document) in documents.enumerated() {
            for (text, weight) in [
                (document.title, Self.fieldWeights.title), (document.summary, Self.fieldWeights.summary),
                (document.body, Self.fieldWeights.body),
            ] {
                // Divide by the square root of the field's length, so "Glute bridge" outranks
                // "Banded glute bridge" for the query "bridge".
                let words = Self.words(in: text)
                let share = weight / Double(max(1, words.count)).squareRoot()
                for word in words {
                    postings[word, default: [:]][index, default: 0] += share
                }
            }
        }
        self.postings = postings
        self.vocabulary = postings.keys.sorted()
    }

    public func search(_ query: String, limit: Int = 10) -> [Hit] {
        var scores: [Int: Double] = [:]
        var matchedTerms = Set<String>()
        let total = Double(max(1, documents.count))
        for word in Set(Self.words(in: query)) {
            for (term, closeness) in matches(for: word) {
                matchedTerms.insert(term)
                guard let posting = postings[term] else { continue }
                let idf = log(1 + total / Double(posting.count))
                for (document, frequency) in posting {
                    scores[document, default: 0] += closeness * idf * frequency
                }
            }
        }
        // A title that is mostly the query is the best match: "bridge" → "Glute bridge" before "Banded glute bridge".
        for index in scores.keys {
            let titleWords = Self.words(in: documents[index].title)
            let covered = titleWords.filter { matchedTerms.contains($0) }.count
            scores[index, default: 0] += 2 * Self.fieldWeights.title * Double(covered) / Double(max(1, titleWords.count))
        }
        return scores.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(limit)
            .map { index, score in
                let document = documents[index]
                return Hit(
                    kind: document.kind, id: document.id, title: document.title, summary: document.summary,
                    score: (score * 100).rounded() / 100)
            }
    }

    /// The exact word, plus near words when the exact one is unknown (or matches by prefix for longer words).
    private func matches(for word: String) -> [(String, Double)] {
        if postings[word] != nil { return [(word, 1)] }
        let allowed = word.count >= 8 ? 2 : (word.count >= 4 ? 1 : 0)
        var found: [(String, Double)] = []
        for term in vocabulary where abs(term.count - word.count) <= max(allowed, 1) {
            if allowed > 0, let distance = Self.editDistance(word, term, limit: allowed) {
                found.append((term, 0.6 / Double(distance)))
            }
        }
        if found.isEmpty && word.count >= 3 {
            found = vocabulary.filter { $0.hasPrefix(word) }.map { ($0, 0.5) }
        }
        return found
    }

    /// Lower-cased words of two letters or more, with a plural "s" folded and stop words dropped.
    static func words(in text: String) -> [String] {
        text.lowercased()
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
            .filter { $0.count >= 2 && !stopWords.contains($0) }
            .map { $0.count > 4 && $0.hasSuffix("s") && !$0.hasSuffix("ss") ? String($0.dropLast()) : $0 }
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "are", "with", "this", "that", "can", "of", "to", "in", "on", "it", "is",
        "or", "as", "at", "be", "an", "if", "do", "my", "me", "so", "up", "by", "how", "what", "when", "why",
    ]

    /// Levenshtein distance, or nil once it is certain to exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMinimum = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            previous = current
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}
