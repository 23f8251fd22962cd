/// The return-to-running check as content (running-check.json): what she is asked, in order, with its sources.
/// What the answers mean is `RunningReadiness` (reference 5.3).
public struct RunningCheck: Codable, Equatable, Sendable {
    public let intro: String
    public let items: [Item]
    /// Labels for a test's three answers.
    public let testAnswers: TestLabels

    public struct Item: Codable, Equatable, Sendable {
        public let id: String
        public let kind: Kind
        /// A test: what to do ("20 single-leg bridges, each side"); a question: the question.
        public let text: String
        /// For a question: the answer that means she should see a physio first ("yes" to symptoms, "no" to a healed scar).
        public let stopAnswer: YesNo?
        /// Asked only after this kind of birth (the scar question after a caesarean).
        public let onlyAfter: Delivery?
        public let sources: [String]
    }

    public enum Kind: String, Codable, Sendable {
        /// Answered yes or no.
        case question
        /// Tried, and answered with one of `TestAnswer`.
        case loadTest, strengthTest
    }

    public enum YesNo: String, Codable, Sendable { case yes, no }

    public struct TestLabels: Codable, Equatable, Sendable {
        public let passed: String
        public let symptoms: String
        public let notYet: String
    }

    /// The items asked after this birth.
    public func items(after delivery: Delivery) -> [Item] {
        items.filter { $0.onlyAfter == nil || $0.onlyAfter == delivery }
    }

    /// Ids are unique and every question says which answer stops.
    public func validate(knownSources: Set<String>) throws(ContentError) {
        var seen: Set<String> = []
        for item in items {
            guard seen.insert(item.id).inserted else { throw ContentError("running-check.json: \(item.id) appears twice") }
            if item.kind == .question && item.stopAnswer == nil {
                throw ContentError("running-check.json: question \(item.id) needs a stopAnswer")
            }
            if item.sources.isEmpty { throw ContentError("running-check.json: \(item.id) names no source") }
            for source in item.sources where !knownSources.contains(source) {
                throw ContentError("running-check.json: \(item.id): unknown source \(source)")
            }
        }
        if !items.contains(where: { $0.kind == .strengthTest }) { throw ContentError("running-check.json: no strength tests") }
    }
}

/// How a test went.
public enum TestAnswer: String, Codable, CaseIterable, Sendable {
    /// Done, with no pain, heaviness or leaking.
    case passed
    /// Done, but with pain, heaviness or leaking.
    case symptoms
    /// Not possible yet.
    case notYet
}
