import BackCoachCore
import Testing

@Suite("Session review: phase gates and deferred exercises")
struct SessionReviewTests {
    let good = [ExerciseFeedback(exerciseID: "glute-bridge", completed: true, difficulty: .right, painDuring: 1, nextMorning: .settled)]
    let sore = [ExerciseFeedback(exerciseID: "glute-bridge", completed: true, painDuring: 7)]

    func review(
        _ feedback: [ExerciseFeedback], history: [[ExerciseFeedback]], state: ProgramState,
        answers: IntakeAnswers = .fixture(weeks: 8), allowed: Phase = .buildingStrength
    ) throws -> SessionReview {
        let context = ProgramContext(answers: answers)
        return SessionReview.review(
            feedback: feedback, history: history, state: state, engine: ProgressionEngine(catalogue: try library().catalogue),
            context: context, allowedPhase: allowed, ceiling: PainCeiling.ceiling(for: context))
    }

    @Test("Moves up one phase after two tolerated sessions, when time and clearance allow")
    func advances() throws {
        let result = try review(good, history: [good], state: ProgramState(phase: .gentleRebuilding))
        #expect(result.state.phase == .buildingStrength)
        #expect(result.phaseChange != nil)
    }

    @Test("Does not move up after a painful session")
    func staysAfterPain() throws {
        let result = try review(sore, history: [good], state: ProgramState(phase: .gentleRebuilding))
        #expect(result.state.phase == .gentleRebuilding)
        #expect(result.decisions.first?.action == .regress)
    }

    @Test("Never runs ahead of what time and clearance allow, and steps back when they allow less")
    func gate() throws {
        let capped = try review(good, history: [good], state: ProgramState(phase: .buildingStrength), allowed: .buildingStrength)
        #expect(capped.state.phase == .buildingStrength)
        let back = try review(good, history: [], state: ProgramState(phase: .buildingStrength), allowed: .earlyRecovery)
        #expect(back.state.phase == .earlyRecovery)
    }

    @Test("CTX-5: three tolerated sessions in a row unlock deferred exercises; a painful one locks them again")
    func pelvicGirdleTolerance() throws {
        let answers = IntakeAnswers.fixture(weeks: 20, painAreas: [.pelvicBack])
        let state = ProgramState(phase: .fullStrength)
        let two = try review(good, history: [good], state: state, answers: answers, allowed: .fullStrength)
        #expect(two.state.toleratesDeferred == false)
        let three = try review(good, history: [good, good], state: state, answers: answers, allowed: .fullStrength)
        #expect(three.state.toleratesDeferred == true)
        let flare = try review(sore, history: [good, good], state: three.state, answers: answers, allowed: .fullStrength)
        #expect(flare.state.toleratesDeferred == false)
    }

    @Test("Ladder state is kept under the ladder's first exercise")
    func ladderKey() throws {
        let result = try review(good, history: [], state: ProgramState(phase: .buildingStrength))
        #expect(result.state.ladders["glute-bridge"]?.goodSessions == 1)
    }
}
