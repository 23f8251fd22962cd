import BackCoachContent
import BackCoachCore
import Foundation

/// The answers so far, as form values: safety answers (`rf.…`, `fu.…`, see `SafetyQuestionForm`) and
/// `q.FIELD` = one or more values.
struct WizardAnswers {
    var values: [String: [String]]

    init(values: [String: [String]]) {
        self.values = values
    }

    init(form: FormData) {
        values = form.fields.filter { $0.key.hasPrefix("rf.") || $0.key.hasPrefix("fu.") || $0.key.hasPrefix("q.") }
    }

    /// Prefilled from saved answers (red flags are always asked afresh).
    init(saved: IntakeAnswers?) {
        values = [:]
        guard let saved, let data = try? JSONEncoder().encode(saved), case .object(let fields)? = try? JSONValue.parse(data) else { return }
        for (key, value) in fields where !IntakeParser.redFlagKeys.contains(key) {
            switch value {
            case .number(let number): values["q.\(key)"] = [String(Int(number))]
            case .string(let text): values["q.\(key)"] = [text]
            case .bool(let flag): values["q.\(key)"] = [flag ? "yes" : "no"]
            case .array(let items): values["q.\(key)"] = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
            default: break
            }
        }
    }

    /// The intake JSON object built from the answers.
    func intakeJSON(questions: [IntakeQuestion], flagged: (flags: Set<RedFlagID>, followUps: Set<RedFlagFollowUpID>)) -> JSONValue {
        var fields: [String: JSONValue] = [
            "redFlags": .array(flagged.flags.sorted().map { .string($0.rawValue) }),
            "redFlagFollowUps": .array(flagged.followUps.sorted().map { .string($0.rawValue) }),
        ]
        for question in questions {
            let answers = values["q.\(question.field)"] ?? []
            switch question.kind {
            case .integer, .optionalInteger:
                fields[question.field] = answers.first.flatMap(Double.init).map(JSONValue.number) ?? .null
            case .boolean: fields[question.field] = .bool(answers.first == "yes")
            case .choice: fields[question.field] = answers.first.map(JSONValue.string) ?? .null
            case .date:
                let text = answers.first?.trimmingCharacters(in: .whitespaces) ?? ""
                fields[question.field] = text.isEmpty ? .null : .string(text)
            case .multiple: fields[question.field] = .array(answers.filter { !$0.isEmpty }.map(JSONValue.string))
            }
        }
        return .object(fields)
    }
}
