/// The intake as content: the same questions, in the same order, on every interface.
public struct QuestionSet: Codable, Equatable, Sendable {
    public let intro: String
    public let redFlagIntro: String
    public let rescreenIntro: String
    public let answers: AnswerLabels
    /// RF-16 and RF-17 are not asked directly: the pain and pelvic-floor questions raise them.
    public let redFlagsAskedAtIntake: [RedFlagID]
    public let intake: [IntakeQuestion]

    public struct AnswerLabels: Codable, Equatable, Sendable {
        public let yes: String
        public let no: String
        public let notSure: String
    }

    /// Every intake field except `redFlags` asked once, with valid limits and option values.
    public func validate() throws(ContentError) {
        let asked = intake.map(\.field)
        let expected = IntakeParser.knownKeys.filter { $0 != "redFlags" }
        guard Set(asked) == Set(expected), asked.count == expected.count else {
            throw ContentError("questions: each intake field must be asked exactly once (\(expected.joined(separator: ", ")))")
        }
        for question in intake {
            let allowed = IntakeParser.optionValues[question.field]
            switch question.kind {
            case .choice, .multiple:
                guard let allowed, !question.options.isEmpty else {
                    throw ContentError("questions: \(question.field) is not a choice field")
                }
                let values = question.options.map(\.value)
                guard Set(values) == Set(allowed) else {
                    throw ContentError("questions: \(question.field) must offer exactly \(allowed.joined(separator: ", "))")
                }
            case .integer, .optionalInteger:
                guard let range = IntakeParser.ranges[question.field], question.min == range.lowerBound,
                    question.max == range.upperBound
                else { throw ContentError("questions: \(question.field) has the wrong limits") }
            case .boolean:
                guard IntakeParser.booleanFields.contains(question.field) else {
                    throw ContentError("questions: \(question.field) is not a yes/no field")
                }
            }
        }
    }
}

public struct IntakeQuestion: Codable, Equatable, Sendable {
    /// The intake JSON field this question fills.
    public let field: String
    public let kind: Kind
    /// Groups questions into one wizard step each (birth, pain, pelvicFloor, posture, dailyLife, time).
    public let topic: String
    public let text: String
    public let help: String?
    public let min: Int?
    public let max: Int?
    public let options: [Option]

    public enum Kind: String, Codable, Sendable {
        case integer, optionalInteger, boolean, choice, multiple
    }

    public struct Option: Codable, Equatable, Sendable {
        public let value: String
        public let label: String
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(String.self, forKey: .field)
        kind = try container.decode(Kind.self, forKey: .kind)
        topic = try container.decode(String.self, forKey: .topic)
        text = try container.decode(String.self, forKey: .text)
        help = try container.decodeIfPresent(String.self, forKey: .help)
        min = try container.decodeIfPresent(Int.self, forKey: .min)
        max = try container.decodeIfPresent(Int.self, forKey: .max)
        options = try container.decodeIfPresent([Option].self, forKey: .options) ?? []
    }
}

extension IntakeParser {
    /// The allowed words for each choice field.
    public static let optionValues: [String: [String]] = [
        "delivery": Delivery.allCases.map(\.rawValue),
        "complications": Complication.allCases.map(\.rawValue),
        "painAreas": PainArea.allCases.map(\.rawValue),
        "pelvicFloor": PelvicFloorSymptom.allCases.map(\.rawValue),
        "glutes": GluteHabit.allCases.map(\.rawValue),
        "pgpTests": PGPTest.allCases.map(\.rawValue),
        "equipment": Equipment.allCases.map(\.rawValue),
    ]

    public static let ranges: [String: ClosedRange<Int>] = [
        "weeksSinceBirth": IntakeAnswers.Limits.weeksSinceBirth,
        "painAtRest": IntakeAnswers.Limits.painAtRest,
        "diastasisFingers": IntakeAnswers.Limits.diastasisFingers,
        "minutesPerDay": IntakeAnswers.Limits.minutesPerDay,
        "daysPerWeek": IntakeAnswers.Limits.daysPerWeek,
    ]

    public static let booleanFields: Set<String> = ["clinicianCleared", "painWorsening", "breastfeeding"]
}
