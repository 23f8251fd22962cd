import BackCoachCore
import Foundation
import Testing

@Suite("Clinician adjustments go through the same rules")
struct ClinicianAdjustmentsTests {
    func program(_ answers: IntakeAnswers, _ adjustments: ClinicianAdjustments, phase: Phase? = nil) throws -> Program {
        let library = try library()
        let triage = library.coach.triageEngine.triage(answers)
        let state = ProgramState(phase: phase ?? PhaseRules.allowedPhase(for: answers).phase, adjustments: adjustments)
        return library.coach.generator.generate(answers: answers, triage: triage, startDate: .day0, state: state)
    }

    @Test("An exercise taken out leaves the plan with every harder step of its ladder, and says why")
    func exclusion() throws {
        let answers = IntakeAnswers.fixture(weeks: 20, equipment: [.miniBand], minutes: 30, days: 7)
        let before = try program(answers, .none)
        #expect(before.allExerciseIDs.contains("glute-bridge"))
        let after = try program(answers, ClinicianAdjustments(excluded: ["glute-bridge"]))
        for id in ["glute-bridge", "banded-bridge", "single-leg-bridge"] {
            #expect(!after.allExerciseIDs.contains(id), "\(id)")
            #expect(after.excluded.contains { $0.id == id && $0.reason == ProgramGenerator.takenOutReason }, "\(id)")
        }
        #expect(!after.sessions.isEmpty)
    }

    @Test("A clinician's pain limit may pass the cautious default, within 0–7; her own choice still only lowers it")
    func painLimit() {
        let early = ProgramContext(answers: .fixture(weeks: 4))
        #expect(PainCeiling.ceiling(for: early, clinician: 5) == 5)
        #expect(PainCeiling.ceiling(for: early, clinician: 9) == 7)
        #expect(PainCeiling.ceiling(for: early, override: 2, clinician: 5) == 2)
        #expect(PainCeiling.ceiling(for: early, override: 6, clinician: 5) == 5)
    }

    @Test("A confirmed gate opens only its own hold; time, caesarean and clearance rules still hold")
    func gates() {
        let assisted = IntakeAnswers.fixture(weeks: 14, delivery: .assisted)
        #expect(PhaseRules.allowedPhase(for: assisted).phase == .gentleRebuilding)
        #expect(PhaseRules.allowedPhase(for: assisted, confirmed: [.pelvicHealthCheck]).phase == .fullStrength)
        #expect(PhaseRules.allowedPhase(for: assisted, confirmed: [.tummyGapReview]).phase == .gentleRebuilding)
        let notCleared = IntakeAnswers.fixture(weeks: 14, delivery: .assisted, cleared: false)
        #expect(PhaseRules.allowedPhase(for: notCleared, confirmed: Set(PhaseGate.allCases)).phase == .gentleRebuilding)
        let earlyAssisted = IntakeAnswers.fixture(weeks: 3, delivery: .assisted)
        #expect(PhaseRules.allowedPhase(for: earlyAssisted, confirmed: [.pelvicHealthCheck]).phase == .gentleRebuilding)
        let gap = IntakeAnswers.fixture(weeks: 20, diastasis: 3)
        #expect(PhaseRules.allowedPhase(for: gap, confirmed: [.tummyGapReview]).phase == .fullStrength)
        let caesarean = IntakeAnswers.fixture(weeks: 13, delivery: .caesarean, diastasis: 3)
        #expect(PhaseRules.allowedPhase(for: caesarean, confirmed: Set(PhaseGate.allCases)).phase == .buildingStrength)
        let floor = IntakeAnswers.fixture(weeks: 20, pelvicFloor: [.leaking])
        #expect(PhaseRules.allowedPhase(for: floor, confirmed: [.pelvicFloorReview]).phase == .fullStrength)
    }

    @Test("Sessions a week and minutes replace her answers in the plan, not in her answers")
    func sessionsAndMinutes() throws {
        let answers = IntakeAnswers.fixture(weeks: 8, minutes: 10, days: 4)
        let plan = try program(answers, ClinicianAdjustments(sessionsPerWeek: 2, minutesPerDay: 20))
        #expect(plan.sessions.count == 2)
        #expect(plan.minutesPerDay == 20)
        #expect(answers.daysPerWeek == 4)
    }

    @Test("No exclusion or gate can put in an exercise her phase rules out")
    func neverAddsBeyondPhase() throws {
        let library = try library()
        let answers = IntakeAnswers.fixture(weeks: 1, equipment: [.miniBand, .chair, .wall, .doorway, .cushion], minutes: 30, days: 7)
        let everything = ClinicianAdjustments(
            painCeiling: 7, confirmedGates: Set(PhaseGate.allCases), sessionsPerWeek: 7, minutesPerDay: 30)
        let plan = try program(answers, everything)
        for id in plan.allExerciseIDs {
            #expect(try #require(library.catalogue[id]).earliestPhase <= Phase.earlyRecovery.rawValue, "\(id)")
        }
    }

    @Test("Programs saved before adjustments existed still read, with none")
    func oldStateReads() throws {
        let json = #"{"phase":1,"ladders":{},"toleratesDeferred":false}"#
        let state = try JSONDecoder().decode(ProgramState.self, from: Data(json.utf8))
        #expect(state.adjustments == .none)
    }
}
