/// The intake as content: the same questions, in the same order, on every interface.
public struct QuestionSet: Codable, Equatable, Sendable {
    public let intro: String
    public let redFlagIntro: String
    public let rescreenIntro: String
    public let answers: AnswerLabels
    /// RF-16 and RF-17 are not asked directly: the pain and pelvic-floor questions raise them.
    public let redFlagsAskedAtIntake: [RedFlagID]
    /// How the questions are split into the web wizard's steps: safety questions first, then one topic a step.
    public let steps: [StepContent]
    public let intake: [IntakeQuestion]
    /// What she can report to stop a session at once (dizziness, bleeding, scar pain…), each with the flag it raises.
    public let sessionStopSigns: [StopSign]

    public struct StopSign: Codable, Equatable, Sendable {
        public let id: String
        public let label: String
        public let flag: RedFlagID
    }

    /// One step as content says it: the next `safetyQuestions` safety questions, or every question of `topic`.
    public struct StepContent: Codable, Equatable, Sendable {
        public let title: String
        public let safetyQuestions: Int?
        public let topic: String?
    }

    public struct AnswerLabels: Codable, Equatable, Sendable {
        public let yes: String
        public let no: String
        public let notSure: String
    }

    /// The wizard's steps with their questions resolved. Valid only after `validate()`.
    public var wizardSteps: [IntakeStep] {
        var next = 0
        return steps.map { step in
            if let count = step.safetyQuestions {
                defer { next += count }
                return IntakeStep(
                    title: step.title, kind: .safety(Array(redFlagsAskedAtIntake[next..<next + count])))
            }
            return IntakeStep(title: step.title, kind: .topic(step.topic ?? ""))
        }
    }

    /// Every intake field except `redFlags` asked once, with valid limits and option values, and a set of steps
    /// that shows each question exactly once, safety questions first.
    public func validate() throws(ContentError) {
        try validateSteps()
        let asked = intake.map(\.field)
        let expected = IntakeParser.knownKeys.filter { !IntakeParser.redFlagKeys.contains($0) }
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
            case .date:
                guard IntakeParser.dateFields.contains(question.field) else {
                    throw ContentError("questions: \(question.field) is not a date field")
                }
            }
            if let other = question.askedUnless, !asked.contains(other) || other == question.field {
                throw ContentError("questions: \(question.field) is asked unless \(other), which is not another question")
            }
        }
    }
}

extension QuestionSet {
    func validateSteps() throws(ContentError) {
        guard Set(redFlagsAskedAtIntake).count == redFlagsAskedAtIntake.count else {
            throw ContentError("questions: redFlagsAskedAtIntake lists a question twice")
        }
        guard !steps.isEmpty else { throw ContentError("questions: steps is empty; the wizard needs at least one step") }
        var seenTopic = false
        var topics: Set<String> = []
        var safetyCount = 0
        for (index, step) in steps.enumerated() {
            let name = "questions: step \(index + 1) (\(step.title))"
            guard !step.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ContentError("\(name) has no title") }
            switch (step.safetyQuestions, step.topic) {
            case (let count?, nil):
                guard count > 0 else { throw ContentError("\(name) must ask at least one safety question") }
                guard !seenTopic else { throw ContentError("\(name): safety steps must all come before the topic steps") }
                safetyCount += count
            case (nil, let topic?):
                seenTopic = true
                guard topics.insert(topic).inserted else { throw ContentError("\(name): topic \(topic) has two steps") }
                guard intake.contains(where: { $0.topic == topic }) else { throw ContentError("\(name): no question has topic \(topic)") }
            default:
                throw ContentError("\(name) must have either safetyQuestions or topic")
            }
        }
        guard safetyCount == redFlagsAskedAtIntake.count else {
            throw ContentError(
                "questions: the safety steps ask \(safetyCount) questions but redFlagsAskedAtIntake lists \(redFlagsAskedAtIntake.count); "
                    + "make the safetyQuestions counts add up")
        }
        for question in intake where !topics.contains(question.topic) {
            throw ContentError("questions: \(question.field) has topic \(question.topic), which no step shows")
        }
    }
}

/// One wizard step: some safety questions, or the questions of one topic.
public struct IntakeStep: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case safety([RedFlagID])
        case topic(String)
    }

    public let title: String
    public let kind: Kind

    public var isSafety: Bool {
        if case .safety = kind { true } else { false }
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
    /// Needed only when this other field has no answer (the weeks since the birth, when no date is given).
    public let askedUnless: String?

    public enum Kind: String, Codable, Sendable {
        case integer, optionalInteger, boolean, choice, multiple
        /// YYYY-MM-DD, optional.
        case date
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
        askedUnless = try container.decodeIfPresent(String.self, forKey: .askedUnless)
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
        "recoveryFactors": RecoveryFactor.allCases.map(\.rawValue),
        "equipment": Equipment.allCases.map(\.rawValue),
    ]

    public static let ranges: [String: ClosedRange<Int>] = [
        "weeksSinceBirth": IntakeAnswers.Limits.weeksSinceBirth,
        "painAtRest": IntakeAnswers.Limits.painAtRest,
        "diastasisFingers": IntakeAnswers.Limits.diastasisFingers,
        "minutesPerDay": IntakeAnswers.Limits.minutesPerDay,
        "daysPerWeek": IntakeAnswers.Limits.daysPerWeek,
    ]

    /// Filled by the safety questions, not by an intake question of their own.
    public static let redFlagKeys: Set<String> = ["redFlags", "redFlagFollowUps"]

    public static let dateFields: Set<String> = ["birthDate"]

    public static let booleanFields: Set<String> = ["clinicianCleared", "painWorsening", "breastfeeding"]
}
