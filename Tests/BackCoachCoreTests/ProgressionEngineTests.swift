import BackCoachCore
import Testing

@Suite("Progression (section 5.2)")
struct ProgressionEngineTests {
    let limits = ProgressionEngine.Limits(
        ceiling: 5, phase: .buildingStrength, context: ProgramContext(answers: .fixture(equipment: [.miniBand])),
        toleratesDeferred: false)

    func engine() throws -> ProgressionEngine { ProgressionEngine(catalogue: try library().catalogue) }

    func bridge(reps: Int = 5, sets: Int = 1, hold: Int = 2, good: Int = 0, unsettled: Int = 0) -> ExerciseState {
        ExerciseState(
            exerciseID: "glute-bridge", dose: Dose(sets: sets, reps: reps, holdSeconds: hold, restSeconds: 45, secondsPerRep: 4),
            goodSessions: good, unsettledMornings: unsettled)
    }

    static let regressions: [(String, ExerciseFeedback)] = [
        ("leaking", ExerciseFeedback(exerciseID: "glute-bridge", completed: true, painDuring: 1, symptoms: [.leaking])),
        ("heaviness", ExerciseFeedback(exerciseID: "glute-bridge", completed: true, symptoms: [.heaviness])),
        ("doming", ExerciseFeedback(exerciseID: "glute-bridge", completed: true, symptoms: [.doming])),
        ("sharp pain", ExerciseFeedback(exerciseID: "glute-bridge", completed: true, symptoms: [.pain])),
        ("pain 6 over a ceiling of 5", ExerciseFeedback(exerciseID: "glute-bridge", completed: true, painDuring: 6)),
        ("too hard to finish", ExerciseFeedback(exerciseID: "glute-bridge", completed: false, difficulty: .tooHard)),
    ]

    @Test("Symptoms, pain over the ceiling, or too hard to finish → regress (rules 5.2-3, CTX-3/4)", arguments: regressions)
    func regresses(name: String, feedback: ExerciseFeedback) throws {
        let (decision, state) = try engine().decide(state: bridge(reps: 9, good: 1), feedback: feedback, limits: limits)
        #expect(decision.action == .regress, "\(name)")
        #expect(state.dose.reps < 9)
        #expect(state.goodSessions == 0)
    }

    @Test("Pain exactly at the ceiling still counts as a good session")
    func painAtCeiling() throws {
        let feedback = ExerciseFeedback(exerciseID: "glute-bridge", completed: true, difficulty: .right, painDuring: 5)
        #expect(ProgressionEngine.isGood(feedback, ceiling: 5))
        let (decision, state) = try engine().morning(.settled, state: bridge(), wentWell: true, limits: limits)
        #expect(decision.action == .hold)
        #expect(state.goodSessions == 1)
    }

    @Test("Rule 5.2-4: not settled next morning once → hold; twice in a row → regress")
    func unsettledMornings() throws {
        let feedback = ExerciseFeedback(exerciseID: "glute-bridge", completed: true, painDuring: 2, nextMorning: .notSettled)
        let (first, afterFirst) = try engine().decide(state: bridge(reps: 9), feedback: feedback, limits: limits)
        #expect(first.action == .hold && first.rule == "5.2-4")
        let (second, afterSecond) = try engine().decide(state: afterFirst, feedback: feedback, limits: limits)
        #expect(second.action == .regress)
        #expect(afterSecond.dose.reps == 6, "about a third less volume")
    }

    @Test("Rule 5.2-6: two good sessions in a row → one variable steps up (reps first)")
    func progressesReps() throws {
        let good = ExerciseFeedback(exerciseID: "glute-bridge", completed: true, difficulty: .right, painDuring: 2, nextMorning: .settled)
        let engine = try engine()
        let (first, afterFirst) = engine.decide(state: bridge(), feedback: good, limits: limits)
        #expect(first.action == .hold)
        let (second, afterSecond) = engine.decide(state: afterFirst, feedback: good, limits: limits)
        #expect(second.action == .progress)
        #expect(afterSecond.dose.reps == 7 && afterSecond.dose.sets == 1 && afterSecond.dose.holdSeconds == 2)
    }

    @Test("Too hard but finished, or not finished → hold")
    func holds() throws {
        for feedback in [
            ExerciseFeedback(exerciseID: "glute-bridge", completed: true, difficulty: .tooHard, painDuring: 1),
            ExerciseFeedback(exerciseID: "glute-bridge", completed: false, difficulty: .right),
        ] {
            let (decision, state) = try engine().decide(state: bridge(good: 1), feedback: feedback, limits: limits)
            #expect(decision.action == .hold)
            #expect(state.goodSessions == 0)
        }
    }

    @Test("At the target dose the next variation comes in when phase and equipment allow")
    func nextRung() throws {
        let good = ExerciseFeedback(exerciseID: "glute-bridge", completed: true, difficulty: .tooEasy, painDuring: 0, nextMorning: .settled)
        let (decision, state) = try engine().decide(state: bridge(reps: 12, sets: 3, hold: 5, good: 1), feedback: good, limits: limits)
        #expect(decision.action == .progress)
        #expect(state.exerciseID == "banded-bridge")
        #expect(state.dose == (try library().catalogue["banded-bridge"]!.dose))
    }

    @Test("Rule 5.2-7: the phase gate stops a variation from a later phase")
    func phaseGate() throws {
        let catalogue = try library().catalogue
        let banded = catalogue["banded-bridge"]!
        let top = ExerciseState(exerciseID: banded.id, dose: banded.targetDose, goodSessions: 1)
        let early = ProgressionEngine.Limits(ceiling: 5, phase: .gentleRebuilding, context: limits.context, toleratesDeferred: false)
        let good = ExerciseFeedback(exerciseID: banded.id, completed: true, difficulty: .right, painDuring: 1, nextMorning: .settled)
        let (decision, state) = try engine().decide(state: top, feedback: good, limits: early)
        #expect(decision.action == .hold && decision.rule == "5.2-7")
        #expect(state.exerciseID == banded.id)
    }

    @Test("Regressing at the starting dose moves back along the regression link")
    func regressionLink() throws {
        let catalogue = try library().catalogue
        let banded = catalogue["banded-bridge"]!
        let state = ExerciseState(exerciseID: banded.id, dose: banded.dose)
        let (decision, next) = try engine().decide(
            state: state, feedback: ExerciseFeedback(exerciseID: banded.id, completed: true, symptoms: [.pain]), limits: limits)
        #expect(decision.action == .regress)
        #expect(next.exerciseID == "glute-bridge")
    }

    @Test("Dose ladder: reps, then holds, then sets, never past the target")
    func doseLadder() {
        let target = Dose(sets: 2, reps: 8, holdSeconds: 4)
        var dose = Dose(sets: 1, reps: 5, holdSeconds: 0)
        var steps: [Dose] = []
        while let next = DoseLadder.step(up: dose, toward: target) {
            steps.append(next)
            dose = next
        }
        #expect(steps.map(\.reps) == [7, 8, 8, 8, 8])
        #expect(steps.map(\.holdSeconds) == [0, 0, 2, 4, 4])
        #expect(steps.map(\.sets) == [1, 1, 1, 1, 2])
        #expect(DoseLadder.step(down: Dose(sets: 1, reps: 5), floor: Dose(sets: 1, reps: 5)) == nil)
        #expect(DoseLadder.step(down: Dose(sets: 3, reps: 12), floor: Dose(sets: 1, reps: 5))?.sets == 2)
    }
}
