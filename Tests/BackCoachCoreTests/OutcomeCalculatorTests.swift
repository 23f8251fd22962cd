import BackCoachCore
import Testing

@Suite("Outcomes: pain (NPRS) and function (PSFS), section 6")
struct OutcomeCalculatorTests {
    /// Daily check-ins: `first` for days 0–6, `last` for the 7 days ending on `day`.
    func checkins(first: Int, last: Int, through day: Int) -> [PainCheckin] {
        (0...day).map { offset in
            PainCheckin(date: LocalDate.day0.adding(days: offset), pain: offset < 7 ? first : (offset > day - 7 ? last : first))
        }
    }

    static let painCases: [(Int, Int, Bool, String)] = [
        (6, 4, true, "2 points and 33%: meaningful"),
        (8, 6, false, "2 points but only 25%: not meaningful"),
        (5, 4, false, "1 point: day-to-day variation"),
        (3, 1, true, "2 points and 67%: meaningful"),
        (4, 4, false, "no change"),
    ]

    @Test("Meaningful improvement only when the weekly average falls ≥2 points and ≥30%", arguments: painCases)
    func meaningful(baseline: Int, latest: Int, expected: Bool, name: String) {
        let summary = OutcomeCalculator.summarize(
            pain: checkins(first: baseline, last: latest, through: 20), psfs: [], asOf: .day0.adding(days: 20))
        #expect(summary.pain.meaningfulImprovement == expected, "\(name)")
        #expect(summary.messages.contains { $0.contains("dropped by a meaningful amount") } == expected)
    }

    @Test("Too early: under a week of check-ins makes no claim")
    func tooEarly() {
        let summary = OutcomeCalculator.summarize(pain: checkins(first: 6, last: 6, through: 3), psfs: [], asOf: .day0.adding(days: 3))
        #expect(summary.pain.baseline == nil && !summary.pain.meaningfulImprovement && !summary.suggestPhysio)
    }

    @Test("RF-19: no improvement after two weeks, or worse than at the start, suggests a physio")
    func noImprovement() {
        let flat = OutcomeCalculator.summarize(pain: checkins(first: 5, last: 5, through: 14), psfs: [], asOf: .day0.adding(days: 14))
        #expect(flat.suggestPhysio)
        let worse = OutcomeCalculator.summarize(pain: checkins(first: 3, last: 6, through: 13), psfs: [], asOf: .day0.adding(days: 13))
        #expect(worse.pain.meaningfulWorsening && worse.suggestPhysio)
        let better = OutcomeCalculator.summarize(pain: checkins(first: 6, last: 3, through: 14), psfs: [], asOf: .day0.adding(days: 14))
        #expect(!better.suggestPhysio)
    }

    @Test("Rule 5.2-5: the weekly average rising by 2 or more says ease off")
    func weeklyRise() {
        let summary = OutcomeCalculator.summarize(pain: checkins(first: 2, last: 4, through: 13), psfs: [], asOf: .day0.adding(days: 13))
        #expect(summary.easeOff)
    }

    @Test("PSFS: average up ≥2 is meaningful; a single activity needs ≥3")
    func psfs() {
        let first = PSFSEntry(
            date: .day0,
            ratings: [
                PSFSRating(activity: "Lifting baby from the cot", score: 3), PSFSRating(activity: "Sitting through a feed", score: 4),
                PSFSRating(activity: "Walking 20 minutes", score: 5),
            ])
        let later = PSFSEntry(
            date: .day0.adding(days: 14),
            ratings: [
                PSFSRating(activity: "lifting baby from the cot ", score: 7), PSFSRating(activity: "Sitting through a feed", score: 5),
                PSFSRating(activity: "Walking 20 minutes", score: 6),
            ])
        let change = OutcomeCalculator.summarize(pain: [], psfs: [first, later], asOf: .day0.adding(days: 14)).psfs!
        #expect(change.meaningfulImprovement == true)  // 4 → 6
        #expect(change.improvedActivities == ["lifting baby from the cot "])
        let small = PSFSEntry(date: .day0.adding(days: 7), ratings: [PSFSRating(activity: "Walking 20 minutes", score: 6)])
        let one = OutcomeCalculator.summarize(
            pain: [], psfs: [PSFSEntry(date: .day0, ratings: [first.ratings[2]]), small], asOf: .day0.adding(days: 7))
        #expect(one.psfs?.meaningfulImprovement == false)
    }
}
