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
        painAreas: Set<PainArea> = [], redFlags: Set<RedFlagID> = [], pelvicFloor: Set<PelvicFloorSymptom> = [],
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
