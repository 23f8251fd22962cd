import BackCoachContent
import BackCoachCore
import Benchmark

/// Triage, plan generation, progression and outcome computation on the bundled content.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .mallocCountTotal], maxDuration: .seconds(2))
    let library = try! ContentLibrary.bundled()
    let coach = library.coach
    let start = LocalDate("2026-11-25")!
    let typical = IntakeAnswers(
        weeksSinceBirth: 9, delivery: .caesarean, clinicianCleared: true, painAtRest: 4, painAreas: [.lowBack, .pelvicBack],
        pelvicFloor: [.leaking], diastasisFingers: 2, glutes: [.clenching], pgpTests: [.rollingInBed], breastfeeding: true,
        minutesPerDay: 15, daysPerWeek: 5, equipment: [.miniBand, .cushion])

    Benchmark("Triage (intake screen)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(coach.triageEngine.triage(typical))
        }
    }

    Benchmark("Plan generation (triage + week plan)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(coach.assess(typical, startDate: start))
        }
    }

    let engine = ProgressionEngine(catalogue: library.catalogue)
    let context = ProgramContext(answers: typical)
    let feedback = (coach.assess(typical, startDate: start).program?.sessions[0].exercises ?? []).map {
        ExerciseFeedback(exerciseID: $0.id, completed: true, difficulty: .right, painDuring: 2, nextMorning: .settled)
    }
    Benchmark("Progression (review one session)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                SessionReview.review(
                    feedback: feedback, history: [feedback, feedback], state: ProgramState(phase: .gentleRebuilding), engine: engine,
                    context: context, allowedPhase: .buildingStrength, ceiling: 3))
        }
    }

    let year = (0..<365).map { PainCheckin(date: start.adding(days: $0), pain: 7 - $0 / 60) }
    let psfs = (0..<52).map { week in
        PSFSEntry(date: start.adding(days: week * 7), ratings: [PSFSRating(activity: "Lifting baby", score: min(10, 3 + week / 8))])
    }
    Benchmark("Outcomes (365 days of check-ins)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(OutcomeCalculator.summarize(pain: year, psfs: psfs, asOf: start.adding(days: 364)))
        }
    }

    Benchmark("Search (typo query)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(library.search.search("glute brige"))
        }
    }
}
