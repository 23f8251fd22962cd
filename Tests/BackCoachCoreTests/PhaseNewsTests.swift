import BackCoachCore
import Testing

/// The Today page tells her once when her plan's phase changed, or when time opened the next phase (CTX-1).
@Suite("Phase news, said once")
struct PhaseNewsTests {
    static func plan(_ phase: Phase) -> PhaseDecision { PhaseDecision(phase: phase, reasons: ["Because of the weeks."]) }

    @Test("The first Today says nothing; the same phases again say nothing")
    func quiet() {
        let first = PhaseNews.news(plan: Self.plan(.gentleRebuilding), allowed: .gentleRebuilding, weeksSinceBirth: 4, announced: nil)
        #expect(first.message == nil && first.announced == PhaseAnnouncement(phase: .gentleRebuilding, allowed: .gentleRebuilding))
        let again = PhaseNews.news(
            plan: Self.plan(.gentleRebuilding), allowed: .gentleRebuilding, weeksSinceBirth: 5, announced: first.announced)
        #expect(again.message == nil)
    }

    static let changes: [(Phase, Phase, PhaseAnnouncement, String)] = [
        (
            .buildingStrength, .buildingStrength, .init(phase: .gentleRebuilding, allowed: .buildingStrength),
            "Good news: you have moved on to Phase 2"
        ),
        (
            .gentleRebuilding, .gentleRebuilding, .init(phase: .buildingStrength, allowed: .buildingStrength),
            "Your plan has stepped back to Phase 1"
        ),
        (
            .gentleRebuilding, .buildingStrength, .init(phase: .gentleRebuilding, allowed: .gentleRebuilding),
            "It is now 6 weeks since the birth, so your plan can move on to Phase 2"
        ),
    ]

    @Test("A move up, a step back, and a phase that time has opened are each said in plain words", arguments: changes)
    func said(plan: Phase, allowed: Phase, announced: PhaseAnnouncement, words: String) {
        let news = PhaseNews.news(plan: Self.plan(plan), allowed: allowed, weeksSinceBirth: 6, announced: announced)
        #expect(news.message?.hasPrefix(words) == true, "\(news.message ?? "nil")")
        #expect(news.announced == PhaseAnnouncement(phase: plan, allowed: allowed))
        // Once told, the same state says nothing more.
        #expect(PhaseNews.news(plan: Self.plan(plan), allowed: allowed, weeksSinceBirth: 7, announced: news.announced).message == nil)
    }

    @Test("Time opening a phase she is already past, or a lower allowed phase, is not news")
    func notNews() {
        let lower = PhaseNews.news(
            plan: Self.plan(.gentleRebuilding), allowed: .gentleRebuilding, weeksSinceBirth: 9,
            announced: .init(phase: .gentleRebuilding, allowed: .buildingStrength))
        #expect(lower.message == nil)
    }
}
