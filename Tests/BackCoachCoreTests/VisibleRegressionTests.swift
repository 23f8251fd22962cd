import BackCoachContent
import BackCoachCore
import Foundation
import Testing

/// "Regress" always changes something she can see (reference 5.2-3, 5.2-4): a smaller dose, an easier linked
/// exercise, or, at the floor, a week's rest with a physio suggestion; and the message says which.
@Suite("Every step back is one she can see")
struct VisibleRegressionTests {
    static let catalogue = try! library().catalogue
    static let engine = ProgressionEngine(catalogue: catalogue)
    /// Loose limits, so that every exercise counts as allowed where it is linked.
    static let limits = ProgressionEngine.Limits(
        ceiling: 5, phase: .fullStrength,
        context: ProgramContext(answers: .fixture(weeks: 30, equipment: [.miniBand, .cushion, .chair, .wall, .doorway])),
        toleratesDeferred: true, sessionsPerWeek: 4)
    static let symptoms: [ProvokedSymptom] = ProvokedSymptom.allCases

    static func easier(_ next: Dose, than previous: Dose) -> Bool {
        next.sets <= previous.sets && next.reps <= previous.reps && next.holdSeconds <= previous.holdSeconds && next != previous
    }

    @Test("At the starting dose, every exercise and every symptom changes something, and the message says what", arguments: symptoms)
    func everyExercise(symptom: ProvokedSymptom) {
        for exercise in Self.catalogue.exercises {
            let start = ExerciseState(exerciseID: exercise.id, dose: exercise.dose)
            let feedback = ExerciseFeedback(exerciseID: exercise.id, completed: true, painDuring: 1, symptoms: [symptom])
            let (decision, next) = Self.engine.decide(state: start, feedback: feedback, limits: Self.limits)
            #expect(decision.action == .regress)
            let moved = next.exerciseID != exercise.id
            let smaller = Self.easier(next.dose, than: exercise.dose)
            #expect(moved || smaller || next.restSessions > 0, "\(exercise.id) stayed the same")
            if moved {
                #expect(decision.reason.contains("instead"), "\(decision.reason)")
            } else if smaller {
                #expect(decision.reason.contains(next.dose.summary), "\(decision.reason)")
            } else {
                #expect(decision.reason.contains("rests for a week") && decision.reason.contains("physio"), "\(decision.reason)")
            }
            #expect(!decision.reason.contains("steps back to an easier level"), "the old promise that changed nothing")
        }
    }

    @Test("Stepping back again and again reaches the floor, then a week's rest; the plan leaves it out and says why, then it returns")
    func floorThenRest() throws {
        let program = try library().coach
        var state = ExerciseState(exerciseID: "glute-bridge", dose: try #require(Self.catalogue["glute-bridge"]).dose)
        let floor = DoseLadder.floor(of: try #require(Self.catalogue["glute-bridge"]).dose)
        var steps = 0
        while state.restSessions == 0 && steps < 20 {
            let feedback = ExerciseFeedback(exerciseID: state.exerciseID, completed: true, symptoms: [.leaking])
            state = Self.engine.decide(state: state, feedback: feedback, limits: Self.limits).state
            steps += 1
        }
        #expect(state.restSessions == 4, "rests for her week of sessions")
        #expect(state.exerciseID != "glute-bridge" || state.dose == floor, "rests only at the floor")

        let root = Self.catalogue.ladderRoots.first { root in Self.catalogue.ladder(from: root).contains { $0.id == state.exerciseID } }!
        let answers = IntakeAnswers.fixture(weeks: 12)
        let resting = ProgramState(phase: .buildingStrength, ladders: [root.id: state])
        let plan = try #require(program.assess(answers, startDate: .day0, state: resting).program)
        #expect(!plan.sessions.flatMap(\.exercises).contains { $0.id == state.exerciseID })
        #expect(plan.excluded.contains { $0.id == state.exerciseID && $0.reason.contains("Resting for a week") })

        // Four sessions without it and it is back.
        var later = resting
        for _ in 0..<4 {
            later =
                SessionReview.review(
                    feedback: [ExerciseFeedback(exerciseID: "clams", completed: true, painDuring: 1)], history: [], state: later,
                    engine: Self.engine, context: ProgramContext(answers: answers), allowedPhase: .buildingStrength, ceiling: 5,
                    sessionsPerWeek: 4
                ).state
        }
        #expect(later.ladders[root.id]?.restSessions == 0)
        #expect(
            try #require(program.assess(answers, startDate: .day0, state: later).program).sessions.flatMap(\.exercises).contains {
                $0.id == state.exerciseID
            })
    }

    @Test("Every exercise has a floor: at most its starting dose, at least one set of 2")
    func floors() {
        for exercise in Self.catalogue.exercises {
            let floor = DoseLadder.floor(of: exercise.dose)
            #expect(floor.sets == 1 && floor.reps >= min(2, exercise.dose.reps) && floor.holdSeconds <= exercise.dose.holdSeconds)
            #expect(floor.reps <= exercise.dose.reps)
        }
    }

    @Test("Programs saved before resting existed still read")
    func oldState() throws {
        let old =
            #"{"exerciseID":"clams","dose":{"sets":1,"reps":5,"holdSeconds":0,"perSide":true,"restSeconds":30,"secondsPerRep":3},"goodSessions":1,"unsettledMornings":0}"#
        let state = try JSONDecoder().decode(ExerciseState.self, from: Data(old.utf8))
        #expect(state.restSessions == 0 && state.goodSessions == 1)
    }
}

@Suite("A leak during an exercise counts as if she had said it (RF-17, CTX-4)")
struct ReportedSymptomTests {
    @Test("The first leak raises RF-17 once with the physio advice; the plan then trains the pelvic floor every session")
    func leak() throws {
        let coach = try library().coach
        let engine = ProgressionEngine(catalogue: try library().catalogue)
        let answers = IntakeAnswers.fixture(weeks: 12)
        let context = ProgramContext(answers: answers)
        let leak = [ExerciseFeedback(exerciseID: "glute-bridge", completed: true, painDuring: 1, symptoms: [.leaking])]
        let first = SessionReview.review(
            feedback: leak, history: [], state: ProgramState(phase: .buildingStrength), engine: engine, context: context,
            allowedPhase: .buildingStrength, ceiling: 5)
        #expect(first.state.reportedSymptoms == [.leaking])
        #expect(first.decisions.first?.reason.contains("pelvic-health physio") == true)
        let second = SessionReview.review(
            feedback: leak, history: [], state: first.state, engine: engine, context: context, allowedPhase: .buildingStrength, ceiling: 5)
        #expect(second.decisions.first?.reason.contains("pelvic-health physio") == false, "said once")

        let before = coach.assess(answers, startDate: .day0)
        #expect(!before.triage.flags.contains { $0.id == .rf17 })
        let after = coach.assess(answers.including(reported: first.state.reportedSymptoms), startDate: .day0)
        #expect(after.triage.flags.contains { $0.id == .rf17 } && after.triage.programAllowed)
        let sessions = try #require(after.program?.sessions)
        #expect(sessions.allSatisfy { $0.exercises.contains { $0.id == "pelvic-floor-training" } })
    }
}
