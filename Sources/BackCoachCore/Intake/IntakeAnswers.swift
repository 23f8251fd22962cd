/// Everything the intake asks. Every interface (CLI, API, web) accepts exactly this shape;
/// `docs/intake.md` documents it. Build one with `IntakeParser` to get field-level validation.
public struct IntakeAnswers: Codable, Hashable, Sendable {
    /// Whole weeks since the birth on the day in question (see `on(_:)`); as answered until a date is known.
    public var weeksSinceBirth: Int
    /// The day of the birth: given, or estimated from `weeksSinceBirth` when the answers are saved.
    public var birthDate: LocalDate?
    public var delivery: Delivery
    public var clinicianCleared: Bool
    public var complications: Set<Complication>
    public var painAtRest: Int
    public var painWorsening: Bool
    public var painAreas: Set<PainArea>
    /// Red flags answered "yes" or "not sure" (a "not sure" counts as yes).
    public var redFlags: Set<RedFlagID>
    /// Follow-up questions answered "yes" or "not sure"; each makes its flag more urgent.
    public var redFlagFollowUps: Set<RedFlagFollowUpID>
    public var pelvicFloor: Set<PelvicFloorSymptom>
    /// Widest gap between the tummy muscles in finger-widths, or nil when not measured.
    public var diastasisFingers: Int?
    public var glutes: Set<GluteHabit>
    public var pgpTests: Set<PGPTest>
    /// CTX-8: back pain before this pregnancy, strong pain during it, earlier births.
    public var recoveryFactors: Set<RecoveryFactor>
    public var breastfeeding: Bool
    public var minutesPerDay: Int
    public var daysPerWeek: Int
    public var equipment: Set<Equipment>

    public init(
        weeksSinceBirth: Int, birthDate: LocalDate? = nil, delivery: Delivery, clinicianCleared: Bool = false,
        complications: Set<Complication> = [], painAtRest: Int, painWorsening: Bool = false,
        painAreas: Set<PainArea> = [], redFlags: Set<RedFlagID> = [], redFlagFollowUps: Set<RedFlagFollowUpID> = [],
        pelvicFloor: Set<PelvicFloorSymptom> = [],
        diastasisFingers: Int? = nil, glutes: Set<GluteHabit> = [], pgpTests: Set<PGPTest> = [],
        recoveryFactors: Set<RecoveryFactor> = [], breastfeeding: Bool = false, minutesPerDay: Int, daysPerWeek: Int,
        equipment: Set<Equipment> = []
    ) {
        self.weeksSinceBirth = weeksSinceBirth
        self.birthDate = birthDate
        self.delivery = delivery
        self.clinicianCleared = clinicianCleared
        self.complications = complications
        self.painAtRest = painAtRest
        self.painWorsening = painWorsening
        self.painAreas = painAreas
        self.redFlags = redFlags
        self.redFlagFollowUps = redFlagFollowUps
        self.pelvicFloor = pelvicFloor
        self.diastasisFingers = diastasisFingers
        self.glutes = glutes
        self.pgpTests = pgpTests
        self.recoveryFactors = recoveryFactors
        self.breastfeeding = breastfeeding
        self.minutesPerDay = minutesPerDay
        self.daysPerWeek = daysPerWeek
        self.equipment = equipment
    }

    /// The answers as they stand on `date`: weeks since the birth counted from the birth date, so phases, the
    /// caesarean limits, the first-6-weeks pain limit and the 6-week windows move on with time (CTX-1).
    public func on(_ date: LocalDate) -> IntakeAnswers {
        guard let birthDate else { return self }
        var dated = self
        dated.weeksSinceBirth = min(max(0, birthDate.days(until: date) / 7), Limits.weeksSinceBirth.upperBound)
        return dated
    }

    /// The answers with what she reported during exercises added, so a leak or a dome during a session counts as if
    /// she had said it at intake: RF-17 and its physio advice, pelvic-floor training in every session, no impact (CTX-3/4).
    public func including(reported symptoms: Set<ProvokedSymptom>) -> IntakeAnswers {
        var answers = self
        if symptoms.contains(.leaking) { answers.pelvicFloor.insert(.leaking) }
        if symptoms.contains(.heaviness) { answers.pelvicFloor.insert(.heaviness) }
        if symptoms.contains(.doming) { answers.diastasisFingers = max(answers.diastasisFingers ?? 0, 2) }
        return answers
    }

    /// With a birth date: the one given, or the one `weeksSinceBirth` implies counting back from `today`.
    public func withBirthDate(today: LocalDate) -> IntakeAnswers {
        var dated = self
        dated.birthDate = birthDate ?? today.adding(days: -7 * weeksSinceBirth)
        return dated.on(today)
    }

    /// Allowed ranges, shared by the parser, the questions and the docs.
    public enum Limits {
        public static let weeksSinceBirth = 0...520
        public static let painAtRest = 0...10
        public static let diastasisFingers = 0...6
        public static let minutesPerDay = 5...30
        public static let daysPerWeek = 1...7
    }

    enum CodingKeys: String, CodingKey {
        case weeksSinceBirth, birthDate, delivery, clinicianCleared, complications, painAtRest, painWorsening, painAreas, redFlags
        case redFlagFollowUps, pelvicFloor, diastasisFingers, glutes, pgpTests, recoveryFactors, breastfeeding, minutesPerDay, daysPerWeek,
            equipment
    }

    // Answers saved before a field existed still read: the follow-ups were added later.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weeksSinceBirth = try container.decode(Int.self, forKey: .weeksSinceBirth)
        birthDate = try container.decodeIfPresent(LocalDate.self, forKey: .birthDate)
        delivery = try container.decode(Delivery.self, forKey: .delivery)
        clinicianCleared = try container.decode(Bool.self, forKey: .clinicianCleared)
        complications = try container.decode(Set<Complication>.self, forKey: .complications)
        painAtRest = try container.decode(Int.self, forKey: .painAtRest)
        painWorsening = try container.decode(Bool.self, forKey: .painWorsening)
        painAreas = try container.decode(Set<PainArea>.self, forKey: .painAreas)
        redFlags = try container.decode(Set<RedFlagID>.self, forKey: .redFlags)
        redFlagFollowUps = try container.decodeIfPresent(Set<RedFlagFollowUpID>.self, forKey: .redFlagFollowUps) ?? []
        pelvicFloor = try container.decode(Set<PelvicFloorSymptom>.self, forKey: .pelvicFloor)
        diastasisFingers = try container.decodeIfPresent(Int.self, forKey: .diastasisFingers)
        glutes = try container.decode(Set<GluteHabit>.self, forKey: .glutes)
        pgpTests = try container.decode(Set<PGPTest>.self, forKey: .pgpTests)
        recoveryFactors = try container.decodeIfPresent(Set<RecoveryFactor>.self, forKey: .recoveryFactors) ?? []
        breastfeeding = try container.decode(Bool.self, forKey: .breastfeeding)
        minutesPerDay = try container.decode(Int.self, forKey: .minutesPerDay)
        daysPerWeek = try container.decode(Int.self, forKey: .daysPerWeek)
        equipment = try container.decode(Set<Equipment>.self, forKey: .equipment)
    }

    // Sets encode as sorted arrays so saved answers are stable and diff well.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(weeksSinceBirth, forKey: .weeksSinceBirth)
        try container.encodeIfPresent(birthDate, forKey: .birthDate)
        try container.encode(delivery, forKey: .delivery)
        try container.encode(clinicianCleared, forKey: .clinicianCleared)
        try container.encode(complications.sorted(), forKey: .complications)
        try container.encode(painAtRest, forKey: .painAtRest)
        try container.encode(painWorsening, forKey: .painWorsening)
        try container.encode(painAreas.sorted(), forKey: .painAreas)
        try container.encode(redFlags.sorted(), forKey: .redFlags)
        try container.encode(redFlagFollowUps.sorted(), forKey: .redFlagFollowUps)
        try container.encode(pelvicFloor.sorted(), forKey: .pelvicFloor)
        try container.encode(diastasisFingers, forKey: .diastasisFingers)
        try container.encode(glutes.sorted(), forKey: .glutes)
        try container.encode(pgpTests.sorted(), forKey: .pgpTests)
        try container.encode(recoveryFactors.sorted(), forKey: .recoveryFactors)
        try container.encode(breastfeeding, forKey: .breastfeeding)
        try container.encode(minutesPerDay, forKey: .minutesPerDay)
        try container.encode(daysPerWeek, forKey: .daysPerWeek)
        try container.encode(equipment.sorted(), forKey: .equipment)
    }
}
