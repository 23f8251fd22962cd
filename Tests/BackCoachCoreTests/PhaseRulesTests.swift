import BackCoachCore
import Testing

@Suite("Phase rules (CTX-1, CTX-2, CTX-7)")
struct PhaseRulesTests {
    static let cases: [(String, IntakeAnswers, Phase)] = [
        ("week 0, vaginal", .fixture(weeks: 0), .earlyRecovery),
        ("week 1, vaginal", .fixture(weeks: 1), .earlyRecovery),
        ("week 2, vaginal", .fixture(weeks: 2), .gentleRebuilding),
        ("week 5, vaginal", .fixture(weeks: 5), .gentleRebuilding),
        ("week 6, cleared", .fixture(weeks: 6), .buildingStrength),
        ("week 6, not cleared holds at phase 1", .fixture(weeks: 6, cleared: false), .gentleRebuilding),
        ("week 30, not cleared holds at phase 1", .fixture(weeks: 30, cleared: false), .gentleRebuilding),
        ("week 12, cleared", .fixture(weeks: 12), .fullStrength),
        ("caesarean week 3", .fixture(weeks: 3, delivery: .caesarean), .gentleRebuilding),
        ("caesarean week 5, cleared, stays early", .fixture(weeks: 5, delivery: .caesarean), .gentleRebuilding),
        ("caesarean week 12 waits for ~4 months", .fixture(weeks: 12, delivery: .caesarean), .buildingStrength),
        ("caesarean week 16", .fixture(weeks: 16, delivery: .caesarean), .fullStrength),
        ("complication, not cleared → phase 0", .fixture(weeks: 10, cleared: false, complications: [.preeclampsia]), .earlyRecovery),
        ("complication, cleared", .fixture(weeks: 10, complications: [.infection]), .buildingStrength),
        ("assisted birth, not cleared", .fixture(weeks: 8, delivery: .assisted, cleared: false), .gentleRebuilding),
        ("pelvic-floor symptoms cap at phase 2", .fixture(weeks: 20, pelvicFloor: [.heaviness]), .buildingStrength),
    ]

    @Test("Phase from weeks, delivery, clearance and complications", arguments: cases)
    func phase(name: String, answers: IntakeAnswers, expected: Phase) {
        let decision = PhaseRules.allowedPhase(for: answers)
        #expect(decision.phase == expected, "\(name)")
        #expect(!decision.reasons.isEmpty)
    }

    @Test("Pain ceiling: 5/10 by default, 3/10 in the first 6 weeks or with pelvic girdle pain; her own limit only lowers it")
    func ceiling() {
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture(weeks: 8))) == 5)
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture(weeks: 4))) == 3)
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture(weeks: 20, pgpTests: [.oneLegStanding]))) == 3)
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture(weeks: 20)), override: 4) == 4)
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture(weeks: 20)), override: 10) == 5, "never above the default")
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture(weeks: 3)), override: 10) == 3, "3 days to 6 weeks: 3")
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture(weeks: 20, pgpTests: [.rollingInBed])), override: 7) == 3)
        #expect(PainCeiling.ceiling(for: ProgramContext(answers: .fixture()), override: -2) == 0)
    }
}

@Suite("Session schedule")
struct SessionScheduleTests {
    @Test("Sessions spread through each week from the start date")
    func spread() {
        let schedule = SessionSchedule(startDate: .day0, sessionsPerWeek: 4)
        #expect(schedule.dayOffsets == [0, 1, 3, 5])
        #expect(schedule.sessionNumber(on: .day0) == 1)
        #expect(schedule.sessionNumber(on: .day0.adding(days: 2)) == nil)
        #expect(schedule.sessionNumber(on: .day0.adding(days: 8)) == 2)
        #expect(schedule.sessionNumber(on: .day0.adding(days: -1)) == nil)
        #expect(schedule.sessionDays(from: .day0, to: .day0.adding(days: 13)).count == 8)
        #expect(SessionSchedule(startDate: .day0, sessionsPerWeek: 7).dayOffsets == Array(0...6))
        #expect(
            SessionSchedule(startDate: .day0, sessionsPerWeek: 1).sessionDays(from: .day0.adding(days: -5), to: .day0.adding(days: 7)).count
                == 2)
    }
}
