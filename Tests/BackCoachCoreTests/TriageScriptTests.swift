import BackCoachContent
import BackCoachCore
import Foundation
import Testing

/// The words she reads out when she calls for help: "I had a baby on 2 October 2026 and I have a painful, swollen
/// leg." No placeholder ever reaches her screen.
@Suite("The script she reads out names the birth and the symptom")
struct TriageScriptTests {
    static let engine = TriageEngine(rules: try! library().redFlags)

    @Test("Every flag, alone: no brackets left, with or without a birth date", arguments: RedFlagID.allCases)
    func noPlaceholders(flag: RedFlagID) {
        for birthDate in [LocalDate("2026-10-02"), nil] {
            let result = Self.engine.screen([flag], birthDate: birthDate)
            let texts = [result.action ?? ""] + result.flags.map(\.advice)
            #expect(!texts.contains { $0.contains("[") || $0.contains("]") }, "\(flag.rawValue): \(texts)")
        }
    }

    @Test("The script says the date and the flag in her words")
    func words() {
        let dated = Self.engine.screen([.rf02], birthDate: LocalDate("2026-10-02"))
        #expect(dated.action?.contains(#""I had a baby on 2 October 2026 and I have a painful, swollen leg.""#) == true)
        let undated = Self.engine.screen([.rf02])
        #expect(undated.action?.contains(#""I had a baby recently and I have a painful, swollen leg.""#) == true)
        // Two flags at the level that decides are both said; the first-person words stay first person.
        let both = Self.engine.screen([.rf01, .rf04])
        #expect(
            both.action?.contains("I have chest pain or sudden shortness of breath and had thoughts of hurting myself or my baby") == true)
    }

    @Test("The full intake names the birth date she gave")
    func intake() throws {
        let answers = IntakeAnswers(
            weeksSinceBirth: 3, birthDate: LocalDate("2026-11-10"), delivery: .vaginal, painAtRest: 2, redFlags: [.rf05], minutesPerDay: 10,
            daysPerWeek: 3)
        #expect(Self.engine.triage(answers).action?.contains("I had a baby on 10 November 2026 and I have heavy bleeding") == true)
    }
}
