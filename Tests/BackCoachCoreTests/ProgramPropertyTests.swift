import BackCoachCore
import PropertyBased
import Testing

/// Generated intakes covering every option, range and red flag.
enum IntakeGen {
    /// Up to `max` distinct options (duplicates fold), shrinking toward none.
    static func set<T: IntakeOption>(_ type: T.Type, max: Int) -> Generator<Set<T>, some SendableSequenceType> {
        let all = Array(T.allCases)
        return Gen.int(in: 0...(all.count - 1)).array(of: 0...max).map { Set($0.map { all[$0] }) }
    }

    static var answers: Generator<IntakeAnswers, some SendableSequenceType> {
        let birth = zip(Gen.int(in: 0...60), Gen<Delivery>.case, Gen.bool, set(Complication.self, max: 2))
        let pain = zip(Gen.int(in: 0...10), Gen.bool(0.1), set(PainArea.self, max: 3), set(RedFlagID.self, max: 1))
        let body = zip(set(PelvicFloorSymptom.self, max: 2), Gen.int(in: 0...6).optional, set(PGPTest.self, max: 2), Gen.bool)
        let life = zip(Gen.int(in: 5...30), Gen.int(in: 1...7), set(Equipment.self, max: 5), set(GluteHabit.self, max: 2))
        return zip(birth, pain, body, life).map { birth, pain, body, life in
            IntakeAnswers(
                weeksSinceBirth: birth.0, delivery: birth.1, clinicianCleared: birth.2, complications: birth.3,
                painAtRest: pain.0, painWorsening: pain.1, painAreas: pain.2, redFlags: pain.3,
                pelvicFloor: body.0, diastasisFingers: body.1, glutes: life.3, pgpTests: body.2, breastfeeding: body.3,
                minutesPerDay: life.0, daysPerWeek: life.1, equipment: life.2)
        }
    }
}

@Suite("Program properties over generated intakes")
struct ProgramPropertyTests {
    @Test("Emergency or urgent never yields a program")
    func withheld() async throws {
        let coach = try library().coach
        await propertyCheck(count: 500, input: IntakeGen.answers) { answers in
            let assessment = coach.assess(answers, startDate: .day0)
            if assessment.triage.level >= .urgent {
                #expect(assessment.program == nil)
                #expect(!assessment.triage.programAllowed)
            } else {
                #expect(assessment.program != nil)
            }
        }
    }

    @Test("A plan never holds an exercise its own conditions, phase or equipment rule out")
    func neverExcluded() async throws {
        let library = try library()
        await propertyCheck(count: 500, input: IntakeGen.answers) { answers in
            guard let program = library.coach.assess(answers, startDate: .day0).program else { return }
            let context = ProgramContext(answers: answers)
            for exercise in program.sessions.flatMap(\.exercises) {
                let definition = library.catalogue[exercise.id]!
                let verdict = ExerciseEligibility.evaluate(
                    definition, context: context, phase: program.phase.phase, toleratesDeferred: false)
                #expect(verdict.isAllowed, "\(exercise.id) was planned but is ruled out for \(answers)")
                #expect(!program.excluded.contains { $0.id == exercise.id })
            }
        }
    }

    @Test("Sessions fit the time (never more than 10% over), one per training day, pillars in order")
    func fitsTime() async throws {
        let coach = try library().coach
        await propertyCheck(count: 500, input: IntakeGen.answers) { answers in
            guard let program = coach.assess(answers, startDate: .day0).program else { return }
            #expect(program.sessions.count == answers.daysPerWeek)
            for session in program.sessions {
                #expect(!session.exercises.isEmpty)
                #expect(Double(session.estimatedSeconds) <= Double(answers.minutesPerDay * 60) * 1.1)
                let ranks = session.exercises.map { Pillar.allCases.firstIndex(of: $0.pillar)! }
                #expect(ranks == ranks.sorted())
                #expect(Set(session.exercises.map(\.id)).count == session.exercises.count, "no exercise twice in a session")
            }
            if !answers.pelvicFloor.isEmpty {
                #expect(program.sessions.allSatisfy { $0.exercises.contains { $0.id == "pelvic-floor-training" } })
            }
        }
    }

    @Test("Same input → same output")
    func deterministic() async throws {
        let coach = try library().coach
        await propertyCheck(count: 200, input: IntakeGen.answers) { answers in
            #expect(coach.assess(answers, startDate: .day0) == coach.assess(answers, startDate: .day0))
        }
    }
}
