import Foundation

/// Turns intake JSON into `IntakeAnswers`, rejecting unknown keys, wrong types, out-of-range
/// values and unknown ids with one line that names the field and what is allowed.
public enum IntakeParser {
    public static func parse(_ data: Data) throws(InputError) -> IntakeAnswers {
        try parse(JSONValue.parse(data))
    }

    public static func parse(_ json: JSONValue) throws(InputError) -> IntakeAnswers {
        guard case .object(let fields) = json else {
            throw InputError("the intake must be a JSON object like the example in docs/intake.md")
        }
        let reader = FieldReader(fields: fields)
        try reader.rejectUnknownKeys(allowed: knownKeys)
        typealias Limits = IntakeAnswers.Limits
        let birthText = try reader.string("birthDate", maxLength: 10)
        let birthDate = try birthText.map { text throws(InputError) -> LocalDate in
            guard let date = LocalDate(text) else { throw InputError("birthDate must be a date like 2026-10-02 (got \(text))") }
            return date
        }
        // One of the two says when the baby was born; with a date, the weeks are counted from it when saved.
        let weeks = try reader.int("weeksSinceBirth", in: Limits.weeksSinceBirth)
        guard weeks != nil || birthDate != nil else {
            throw InputError("weeksSinceBirth or birthDate is required: the date of the birth (YYYY-MM-DD) or whole weeks since it")
        }
        return IntakeAnswers(
            weeksSinceBirth: weeks ?? 0, birthDate: birthDate,
            delivery: try reader.requiredOption("delivery"),
            clinicianCleared: try reader.bool("clinicianCleared") ?? false,
            complications: try reader.optionSet("complications"),
            painAtRest: try reader.requiredInt("painAtRest", in: Limits.painAtRest),
            painWorsening: try reader.bool("painWorsening") ?? false,
            painAreas: try reader.optionSet("painAreas"),
            redFlags: try reader.optionSet("redFlags"),
            redFlagFollowUps: try reader.optionSet("redFlagFollowUps"),
            pelvicFloor: try reader.optionSet("pelvicFloor"),
            diastasisFingers: try reader.int("diastasisFingers", in: Limits.diastasisFingers),
            glutes: try reader.optionSet("glutes"),
            pgpTests: try reader.optionSet("pgpTests"),
            recoveryFactors: try reader.optionSet("recoveryFactors"),
            breastfeeding: try reader.bool("breastfeeding") ?? false,
            minutesPerDay: try reader.requiredInt("minutesPerDay", in: Limits.minutesPerDay),
            daysPerWeek: try reader.requiredInt("daysPerWeek", in: Limits.daysPerWeek),
            equipment: try reader.optionSet("equipment")
        )
    }

    static let knownKeys: [String] = [
        "weeksSinceBirth", "birthDate", "delivery", "clinicianCleared", "complications", "painAtRest", "painWorsening",
        "painAreas", "redFlags", "redFlagFollowUps", "pelvicFloor", "diastasisFingers", "glutes", "pgpTests", "recoveryFactors",
        "breastfeeding",
        "minutesPerDay", "daysPerWeek", "equipment",
    ]
}
