import Testing

@testable import BackCoachCore

@Suite("Search across articles and exercises")
struct SearchIndexTests {
    static let cases: [(String, String)] = [
        ("glute bridge", "glute-bridge"),
        ("glute brige", "glute-bridge"),  // typo
        ("clams", "clams"),
        ("diastasis", "diastasis-self-test"),
        ("diastasys", "diastasis-self-test"),  // typo
        ("tummy gap", "diastasis-self-test"),
        ("caesarean", "after-a-caesarean"),
        ("breastfeeding posture", "feeding-carrying-and-lifting"),
        ("when to see a doctor", "when-to-see-a-doctor-or-physio"),
        ("child's pose", "childs-pose"),
        ("pelvic floor", "pelvic-floor-training"),
    ]

    @Test("The best match ranks in the top three", arguments: cases)
    func finds(query: String, expected: String) throws {
        let hits = try library().search.search(query, limit: 10)
        #expect(hits.prefix(3).contains { $0.id == expected }, "\(query) → \(hits.prefix(3).map(\.id))")
    }

    @Test("Results are ranked best first and respect the limit")
    func ranking() throws {
        let hits = try library().search.search("bridge", limit: 3)
        #expect(hits.count == 3)
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
        #expect(hits.first?.id == "glute-bridge")
    }

    @Test("Nonsense and empty queries find nothing")
    func nothing() throws {
        let search = try library().search
        #expect(search.search("zzqxv").isEmpty)
        #expect(search.search("").isEmpty)
        #expect(search.search("   ").isEmpty)
    }

    @Test("Edit distance stops early past its limit")
    func editDistance() {
        #expect(SearchIndex.editDistance("brige", "bridge", limit: 1) == 1)
        #expect(SearchIndex.editDistance("kitten", "sitting", limit: 2) == nil)
        #expect(SearchIndex.editDistance("same", "same", limit: 1) == 0)
    }
}

extension SearchIndexTests {
    @Test("A single misspelt word still puts the closest title first")
    func typoTitle() throws {
        #expect(try library().search.search("brige").first?.id == "glute-bridge")
    }
}
