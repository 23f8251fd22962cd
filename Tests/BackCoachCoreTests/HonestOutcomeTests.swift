import BackCoachCore
import Testing

/// Outcome messages claim only what happened (reference section 6).
@Suite("Honest outcome messages")
struct HonestOutcomeTests {
    static let day0 = LocalDate.day0

    @Test("One check-in in each week is not a trend: no verdict, and it says what is missing")
    func thinWeeks() {
        let checkins = [PainCheckin(date: Self.day0, pain: 8), PainCheckin(date: Self.day0.adding(days: 14), pain: 2)]
        let summary = OutcomeCalculator.summarize(pain: checkins, psfs: [], asOf: Self.day0.adding(days: 14))
        #expect(!summary.pain.meaningfulImprovement && !summary.suggestPhysio)
        #expect(summary.messages.contains { $0.contains("at least 3") }, "\(summary.messages)")
    }

    @Test("Pain-free for two weeks is congratulated, never sent to a physio")
    func painFree() {
        let checkins = (0..<15).map { PainCheckin(date: Self.day0.adding(days: $0), pain: 0) }
        let summary = OutcomeCalculator.summarize(pain: checkins, psfs: [], asOf: Self.day0.adding(days: 14))
        #expect(!summary.suggestPhysio)
        #expect(summary.messages.contains { $0.contains("Well done") } && !summary.messages.contains { $0.contains("physio") })
    }

    @Test("PSFS compares the same activities, each against her first rating of it")
    func sameActivities() throws {
        let rate = { (day: Int, ratings: [(String, Int)]) in
            PSFSEntry(date: Self.day0.adding(days: day), ratings: ratings.map { PSFSRating(activity: $0.0, score: $0.1) })
        }
        // Different activities rated each time: nothing to compare, so no claim.
        let different = [rate(0, [("Lifting the baby", 2)]), rate(7, [("Walking to the shop", 9)])]
        #expect(OutcomeCalculator.summarize(pain: [], psfs: different, asOf: Self.day0.adding(days: 7)).psfs == nil)
        // The same activity: against the first rating, whatever came between.
        let same = [rate(0, [("Lifting the baby", 2)]), rate(7, [("lifting the baby ", 3)]), rate(14, [("Lifting the baby", 6)])]
        let change = try #require(OutcomeCalculator.summarize(pain: [], psfs: same, asOf: Self.day0.adding(days: 14)).psfs)
        #expect(
            change.baseline == 2 && change.latest == 6 && change.meaningfulImprovement && change.improvedActivities == ["Lifting the baby"])
        // A verdict from the last two ratings only would differ; the window doesn't decide it.
        let windowOnly = try #require(
            OutcomeCalculator.summarize(pain: [], psfs: Array(same.suffix(2)), asOf: Self.day0.adding(days: 14)).psfs)
        #expect(windowOnly.baseline == 3, "shown for contrast: the report passes her whole history")
    }
}
