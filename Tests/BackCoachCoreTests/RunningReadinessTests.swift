import BackCoachContent
import BackCoachCore
import Testing

/// Return to running (reference 5.3): not before 12 weeks (16 after a caesarean) and the last phase; any symptom,
/// today or reported before, means see a physio; a test not yet possible means keep building; all passed means a
/// graded return can start.
@Suite("Return to running (5.3)")
struct RunningReadinessTests {
    static let check = try! library().runningCheck
    static let engine = TriageEngine(rules: try! library().redFlags)

    /// Every item answered well, for this birth.
    static func allPassed(_ delivery: Delivery = .vaginal) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: check.items(after: delivery).map { item in
                (item.id, item.kind == .question ? (item.stopAnswer == .yes ? "no" : "yes") : TestAnswer.passed.rawValue)
            })
    }

    static func verdict(
        _ responses: [String: String], answers: IntakeAnswers = .fixture(weeks: 20), phase: Phase = .fullStrength
    ) throws -> RunningReadiness {
        try RunningReadiness.assess(responses, check: check, answers: answers, triage: engine.triage(answers), phase: phase)
    }

    @Test("Every test passed with no symptoms: a graded return can start")
    func ready() throws {
        #expect(try Self.verdict(Self.allPassed()).verdict == .ready)
        #expect(try Self.verdict(Self.allPassed(.caesarean), answers: .fixture(weeks: 20, delivery: .caesarean)).verdict == .ready)
    }

    static let early: [(IntakeAnswers, Phase)] = [
        (.fixture(weeks: 11), .fullStrength), (.fixture(weeks: 15, delivery: .caesarean), .fullStrength),
        (.fixture(weeks: 20), .buildingStrength),
    ]

    @Test("Too soon after the birth, or not yet in the last phase: the check waits, whatever the answers", arguments: early)
    func tooEarly(answers: IntakeAnswers, phase: Phase) throws {
        #expect(RunningReadiness.gate(answers: answers, phase: phase)?.verdict == .tooEarly)
        #expect(try Self.verdict(Self.allPassed(answers.delivery), answers: answers, phase: phase).verdict == .tooEarly)
    }

    @Test("The check opens 12 weeks after the birth, or 16 after a caesarean, named as a date")
    func opensOn() {
        var answers = IntakeAnswers.fixture(weeks: 4).withBirthDate(today: .day0)
        #expect(RunningReadiness.gate(answers: answers, phase: .gentleRebuilding)?.availableFrom == LocalDate.day0.adding(days: 8 * 7))
        answers = IntakeAnswers.fixture(weeks: 4, delivery: .caesarean).withBirthDate(today: .day0)
        #expect(RunningReadiness.gate(answers: answers, phase: .gentleRebuilding)?.availableFrom == LocalDate.day0.adding(days: 12 * 7))
        #expect(RunningReadiness.gate(answers: .fixture(weeks: 12), phase: .fullStrength) == nil)
    }

    @Test("Any one test done with pain, heaviness or leaking means see a physio first", arguments: check.items(after: .caesarean).map(\.id))
    func anySymptom(id: String) throws {
        var responses = Self.allPassed(.caesarean)
        let item = try #require(Self.check.items.first { $0.id == id })
        responses[id] = item.kind == .question ? item.stopAnswer!.rawValue : TestAnswer.symptoms.rawValue
        let result = try Self.verdict(responses, answers: .fixture(weeks: 20, delivery: .caesarean))
        #expect(result.verdict == .seePhysio)
        #expect(result.reasons.contains(item.text))
    }

    @Test("Leaking or a tummy gap she told us about before counts, even when today's answers are all good")
    func knownSymptoms() throws {
        #expect(try Self.verdict(Self.allPassed(), answers: .fixture(weeks: 20, pelvicFloor: [.leaking])).verdict == .seePhysio)
        #expect(try Self.verdict(Self.allPassed(), answers: .fixture(weeks: 20, diastasis: 3)).verdict == .seePhysio)
    }

    @Test("A strength test not possible yet, with no symptoms: keep building, and the test is named")
    func notYet() throws {
        var responses = Self.allPassed()
        responses["bridge"] = TestAnswer.notYet.rawValue
        let result = try Self.verdict(responses)
        #expect(result.verdict == .notYet)
        #expect(result.reasons.count == 1 && result.reasons[0].contains("single-leg bridges"))
        // A symptom elsewhere still wins.
        responses["hop"] = TestAnswer.symptoms.rawValue
        #expect(try Self.verdict(responses).verdict == .seePhysio)
    }

    @Test("Every item must be answered, with a value it takes; an unknown item is refused")
    func badAnswers() {
        var missing = Self.allPassed()
        missing["walk"] = nil
        #expect(throws: InputError.self) { try Self.verdict(missing) }
        var wrong = Self.allPassed()
        wrong["walk"] = "maybe"
        #expect(throws: InputError.self) { try Self.verdict(wrong) }
        var extra = Self.allPassed()
        extra["sprint"] = "passed"
        #expect(throws: InputError.self) { try Self.verdict(extra) }
        // Even while the check waits, what she may not send is refused.
        #expect(throws: InputError.self) { try Self.verdict(["sprint": "passed"], answers: .fixture(weeks: 4)) }
        #expect(throws: InputError.self) { try Self.verdict(["walk": String(repeating: "x", count: 21)], answers: .fixture(weeks: 4)) }
        // The scar question is only for a caesarean.
        #expect(throws: InputError.self) { try Self.verdict(Self.allPassed(.caesarean)) }
    }

    @Test("The content names the four strength tests of the guideline, 20 each, and cites it")
    func content() {
        let strength = Self.check.items.filter { $0.kind == .strengthTest }
        #expect(strength.count == 4)
        #expect(strength.allSatisfy { $0.text.hasPrefix("20 ") && $0.sources.contains("S16") })
    }
}
