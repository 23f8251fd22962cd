import BackCoachContent
import BackCoachCore
import Foundation
import Testing

/// What the notes, the advice and the articles promise, checked against the plans for a grid of intakes (section 3).
@Suite("Plans keep the promises their notes and articles make")
struct PlanKeepsItsWordTests {
    static let coach = try! library().coach

    static let grid: [IntakeAnswers] = {
        var grid: [IntakeAnswers] = []
        for weeks in [1, 4, 8, 14, 30] {
            for delivery in Delivery.allCases {
                for complications: Set<Complication> in [[], [.significantTear], [.symphysisSeparation]] {
                    for gap in [nil, 2, 6] as [Int?] {
                        for floor: Set<PelvicFloorSymptom> in [[], [.leaking]] {
                            var answers = IntakeAnswers.fixture(weeks: weeks, delivery: delivery, complications: complications)
                            answers.diastasisFingers = gap
                            answers.pelvicFloor = floor
                            grid.append(answers)
                        }
                    }
                }
            }
        }
        return grid
    }()

    @Test("RF-17 promises pelvic-floor training in every session: every plan that carries RF-17 has it")
    func pelvicFloorEverySession() {
        for answers in Self.grid {
            let assessment = Self.coach.assess(answers, startDate: .day0)
            guard let program = assessment.program, assessment.triage.flags.contains(where: { $0.id == .rf17 }) else { continue }
            #expect(
                program.sessions.allSatisfy { $0.exercises.contains { $0.id == "pelvic-floor-training" } },
                "weeks \(answers.weeksSinceBirth), gap \(answers.diastasisFingers ?? 0), floor \(answers.pelvicFloor)")
        }
    }

    @Test("An assisted birth or a significant tear holds at phase 1 until a physio has seen her (CTX-2)")
    func physioGate() {
        for answers in Self.grid where answers.delivery == .assisted || answers.complications.contains(.significantTear) {
            #expect(PhaseRules.allowedPhase(for: answers).phase <= .gentleRebuilding, "\(answers.delivery) \(answers.complications)")
        }
    }

    @Test("A tummy gap of 2 or more never reaches the last phase (CTX-3)")
    func gap() {
        for answers in Self.grid where (answers.diastasisFingers ?? 0) >= 2 {
            #expect(PhaseRules.allowedPhase(for: answers).phase < .fullStrength)
        }
    }

    @Test("A symphysis separation is pelvic girdle pain: the 3/10 limit, the PGP note, and the moves held back for it stay out")
    func symphysis() throws {
        let answers = IntakeAnswers.fixture(weeks: 14, complications: [.symphysisSeparation])
        let program = try #require(Self.coach.assess(answers, startDate: .day0).program)
        #expect(program.painCeiling == 3)
        #expect(program.notes.contains { $0.id == .pelvicGirdlePain })
        // Every exercise the content holds back for pelvic girdle pain (single-leg and wide-leg moves) stays out.
        let catalogue = try library().catalogue
        let heldBack = Set(
            catalogue.exercises.filter { exercise in
                exercise.conditions.contains { $0.when == .pelvicGirdlePain && $0.effect != .modify }
            }.map(\.id))
        #expect(!heldBack.isEmpty)
        let planned = Set(program.sessions.flatMap(\.exercises).map(\.id))
        #expect(planned.isDisjoint(with: heldBack), "\(planned.intersection(heldBack))")
    }
}

@Suite("CTX-8: a slower recovery is likely → an earlier physio, not alarm")
struct RecoveryFactorTests {
    @Test("Back pain before, strong pain in pregnancy, earlier births, back and pelvis together, or low mood add the early-physio note")
    func earlyPhysio() throws {
        let coach = try library().coach
        let plain = try #require(coach.assess(.fixture(), startDate: .day0).program)
        #expect(!plain.notes.contains { $0.id == .earlyPhysio })
        for factor in RecoveryFactor.allCases {
            var answers = IntakeAnswers.fixture()
            answers.recoveryFactors = [factor]
            let assessment = coach.assess(answers, startDate: .day0)
            #expect(assessment.program?.notes.contains { $0.id == .earlyPhysio } == true, "\(factor)")
            #expect(assessment.triage.level == .none, "no alarm: \(factor) raises no flag")
        }
        var both = IntakeAnswers.fixture()
        both.painAreas = [.lowBack, .pelvicBack]
        #expect(coach.assess(both, startDate: .day0).program?.notes.contains { $0.id == .earlyPhysio } == true)
        let parsed = try IntakeParser.parse(
            Data(
                #"{"weeksSinceBirth":8,"delivery":"vaginal","painAtRest":2,"minutesPerDay":10,"daysPerWeek":3,"recoveryFactors":["backPainBefore"]}"#
                    .utf8))
        #expect(parsed.recoveryFactors == [.backPainBefore])
    }
}
