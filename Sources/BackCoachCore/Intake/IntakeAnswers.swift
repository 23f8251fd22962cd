/// Everything the intake asks. Every interface (CLI, API, web) accepts exactly this shape;
/// `docs/intake.md` documents it. Build one with `IntakeParser` to get field-level validation.
public struct IntakeAnswers: Codable, Hashable, Sendable {
    public var weeksSinceBirth: Int
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
    public var breastfeeding: Bool
    public var minutesPerDay: Int
    public var daysPerWeek: Int
    public var equipment: Set<Equipment>

    public init(
        weeksSinceBirth: Int, delivery: Delivery, clinicianCleared: Bool = false,
        complications: Set<Complication> = [], painAtRest: Int, painWorsening: Bool = false,
        painAreas: Set<PainArea> = [], redFlags: Set<RedFlagID> = [], redFlagFollowUps: Set<RedFlagFollowUpID> = [],
        pelvicFloor: Set<PelvicFloorSymptom> = [],
        diastasisFingers: Int? = nil, glutes: Set<GluteHabit> = [], pgpTests: Set<PGPTest> = [],
        breastfeeding: Bool = false, minutesPerDay: Int, daysPerWeek: Int, equipment: Set<Equipment> = []
    ) {
        self.weeksSinceBirth = weeksSinceBirth
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
        self.breastfeeding = breastfeeding
        self.minutesPerDay = minutesPerDay
        self.daysPerWeek = daysPerWeek
        self.equipment = equipment
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
        case weeksSinceBirth, delivery, clinicianCleared, complications, painAtRest, painWorsening, painAreas, redFlags
        case redFlagFollowUps, pelvicFloor, diastasisFingers, glutes, pgpTests, breastfeeding, minutesPerDay, daysPerWeek, equipment
    }

    // Answers saved before a field existed still read: the follow-ups were added later.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weeksSinceBirth = try container.decode(Int.self, forKey: .weeksSinceBirth)
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
        breastfeeding = try container.decode(Bool.self, forKey: .breastfeeding)
        minutesPerDay = try container.decode(Int.self, forKey: .minutesPerDay)
        daysPerWeek = try container.decode(Int.self, forKey: .daysPerWeek)
        equipment = try container.decode(Set<Equipment>.self, forKey: .equipment)
    }

    // Sets encode as sorted arrays so saved answers are stable and diff well.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(weeksSinceBirth, forKey: .weeksSinceBirth)
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
        try container.encode(breastfeeding, forKey: .breastfeeding)
        try container.encode(minutesPerDay, forKey: .minutesPerDay)
        try container.encode(daysPerWeek, forKey: .daysPerWeek)
        try container.encode(equipment.sorted(), forKey: .equipment)
    }
}
