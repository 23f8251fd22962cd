import BackCoachContent
import BackCoachCore
import Foundation
import Testing

@Suite("Named escalations are questions, and timing is the flag's own (reference section 2)")
struct TriageFollowUpTests {
    static let engine = TriageEngine(rules: try! library().redFlags)

    /// Each follow-up the reference names: a "yes" makes its flag an emergency, with the reason in the advice.
    static let followUps: [(RedFlagFollowUpID, RedFlagID, String)] = [
        (.rf06Sepsis, .rf06, "sepsis"), (.rf08Severe, .rf08, "emergency care"), (.rf09Severe, .rf09, "emergency care"),
        (.rf11Rapid, .rf11, "emergency care"), (.rf12CannotMove, .rf12, "emergency care"),
    ]

    @Test("A yes to a follow-up raises its flag to an emergency, now", arguments: followUps)
    func raises(followUp: RedFlagFollowUpID, flag: RedFlagID, words: String) {
        let plain = Self.engine.screen([flag])
        #expect(plain.level == .urgent)
        let raised = Self.engine.screen([flag], followUps: [followUp])
        #expect(raised.level == .emergency && !raised.programAllowed)
        #expect(raised.timing == .now && raised.flags.first?.timing == .now)
        #expect(raised.flags.first?.advice.contains(words) == true, "\(raised.flags.first?.advice ?? "")")
        #expect(raised.action?.contains("emergency number") == true)
    }

    @Test("A follow-up answered yes counts as its flag too, even if the flag's own answer was missed")
    func impliesFlag() {
        let result = Self.engine.screen([], followUps: [.rf06Sepsis])
        #expect(result.level == .emergency && result.flags.map(\.id) == [.rf06])
    }

    @Test("The intake carries follow-ups through triage, and saved answers without them still read")
    func intake() throws {
        let answers = IntakeAnswers.fixture(redFlags: [.rf11])
        #expect(Self.engine.triage(answers).level == .urgent)
        var raised = answers
        raised.redFlagFollowUps = [.rf11Rapid]
        #expect(Self.engine.triage(raised).level == .emergency)
        let parsed = try IntakeParser.parse(
            Data(
                #"{"weeksSinceBirth":8,"delivery":"vaginal","painAtRest":2,"minutesPerDay":10,"daysPerWeek":3,"redFlagFollowUps":["RF-09-severe"]}"#
                    .utf8))
        #expect(parsed.redFlagFollowUps == [.rf09Severe])
        #expect(throws: InputError.self) {
            try IntakeParser.parse(
                Data(
                    #"{"weeksSinceBirth":8,"delivery":"vaginal","painAtRest":2,"minutesPerDay":10,"daysPerWeek":3,"redFlagFollowUps":["RF-01-x"]}"#
                        .utf8))
        }
        let old = Data(
            #"{"weeksSinceBirth":8,"delivery":"vaginal","clinicianCleared":false,"complications":[],"painAtRest":2,"painWorsening":false,"painAreas":[],"redFlags":[],"pelvicFloor":[],"glutes":[],"pgpTests":[],"breastfeeding":false,"minutesPerDay":10,"daysPerWeek":3,"equipment":[]}"#
                .utf8)
        #expect(try JSONDecoder().decode(IntakeAnswers.self, from: old).redFlagFollowUps.isEmpty)
    }

    /// Every flag's timing, as the reference sets it.
    static let timings: [(RedFlagID, TriageTiming)] = [
        (.rf01, .now), (.rf02, .today), (.rf03, .now), (.rf04, .now), (.rf05, .now), (.rf06, .today), (.rf07, .today), (.rf08, .today),
        (.rf09, .today), (.rf10, .now), (.rf11, .today), (.rf12, .within48Hours), (.rf13, .withinDays), (.rf14, .today),
        (.rf15, .within48Hours), (.rf16, .within48Hours), (.rf17, .nextAppointment), (.rf18, .nextAppointment), (.rf19, .nextAppointment),
    ]

    @Test("Each flag has its own timing, and the headline is the most urgent flag's", arguments: timings)
    func timing(flag: RedFlagID, timing: TriageTiming) {
        let result = Self.engine.screen([flag])
        #expect(result.timing == timing && result.flags.first?.timing == timing)
    }

    @Test("Two flags: the headline goes by the sooner one, whatever the order")
    func soonest() {
        #expect(Self.engine.screen([.rf13, .rf02]).timing == .today)
        #expect(Self.engine.screen([.rf13, .rf16]).timing == .within48Hours)
        #expect(Self.engine.screen([.rf13, .rf16]).headlineMatches)
        #expect(Self.engine.screen([.rf18, .rf13]).timing == .withinDays)
    }

    @Test("RF-10 is asked as short separate items, each a plain sentence")
    func caudaEquinaItems() throws {
        let rule = try #require(try library().redFlags.rule(.rf10))
        let items = try #require(rule.items)
        #expect(items.count >= 5)
        for item in items {
            #expect(item.split(separator: " ").count <= 16, "\(item)")
            #expect(ReadingLevel.grade(of: item) <= 8, "\(item): grade \(ReadingLevel.grade(of: item))")
        }
        #expect(rule.questionsAsked == items)
    }

    @Test("Content refuses a follow-up that doesn't raise the level or sits under the wrong flag")
    func validation() throws {
        let rules = try library().redFlags
        var flags = rules.flags
        let index = try #require(flags.firstIndex { $0.id == .rf06 })
        let moved = flags[index].followUps
        flags[index] = try Self.withFollowUps(flags[index], [])
        let eleven = try #require(flags.firstIndex { $0.id == .rf11 })
        flags[eleven] = try Self.withFollowUps(flags[eleven], flags[eleven].followUps + moved)
        #expect(throws: ContentError.self) { try RedFlagRuleSet(actions: rules.actions, flags: flags).validate() }
    }

    static func withFollowUps(_ rule: RedFlagRule, _ followUps: [RedFlagRule.FollowUp]) throws -> RedFlagRule {
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(rule)) as! [String: Any]
        object["followUps"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(followUps))
        return try JSONDecoder().decode(RedFlagRule.self, from: JSONSerialization.data(withJSONObject: object))
    }
}

extension TriageResult {
    /// The action sentence is the first flag's, which has the headline timing.
    var headlineMatches: Bool { flags.first.map { $0.timing == timing && $0.advice.hasPrefix(action ?? "-") } ?? false }
}
