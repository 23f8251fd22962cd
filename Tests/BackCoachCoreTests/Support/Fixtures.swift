import BackCoachContent
import BackCoachCore

/// The bundled content, loaded once for the whole test run.
private let sharedLibrary = Result { try ContentLibrary.bundled() }

func library() throws -> ContentLibrary { try sharedLibrary.get() }

extension IntakeAnswers {
    /// A plain, flag-free intake; tests change only what they are about.
    static func fixture(
        weeks: Int = 8, delivery: Delivery = .vaginal, cleared: Bool = true, complications: Set<Complication> = [],
        painAtRest: Int = 3, painWorsening: Bool = false, painAreas: Set<PainArea> = [.lowBack],
        redFlags: Set<RedFlagID> = [], pelvicFloor: Set<PelvicFloorSymptom> = [], diastasis: Int? = nil,
        pgpTests: Set<PGPTest> = [], breastfeeding: Bool = false, equipment: Set<Equipment> = [],
        minutes: Int = 10, days: Int = 4
    ) -> IntakeAnswers {
        IntakeAnswers(
            weeksSinceBirth: weeks, delivery: delivery, clinicianCleared: cleared, complications: complications,
            painAtRest: painAtRest, painWorsening: painWorsening, painAreas: painAreas, redFlags: redFlags,
            pelvicFloor: pelvicFloor, diastasisFingers: diastasis, pgpTests: pgpTests, breastfeeding: breastfeeding,
            minutesPerDay: minutes, daysPerWeek: days, equipment: equipment)
    }
}

extension LocalDate {
    static let day0 = LocalDate("2026-11-25")!
}

extension Program {
    var allExerciseIDs: Set<String> { Set(sessions.flatMap { $0.exercises.map(\.id) }) }
}
