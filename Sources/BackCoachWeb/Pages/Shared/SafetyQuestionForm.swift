import BackCoachContent
import BackCoachCore

/// The red-flag questions as form fields, for the intake wizard and the before-session check alike: one field per
/// question (`rf.RF-01`), one per item of a flag asked in parts (`rf.RF-10.1` …), and one per follow-up
/// (`fu.RF-06-sepsis`), which must be answered only when its flag was raised. Answers are yes | no | notSure.
struct SafetyQuestionForm {
    let rules: [RedFlagRule]
    /// The before-session check's wording (`RedFlagRule.dailyQuestion`) instead of the intake's.
    var daily = false

    static let answers: Set<String> = ["yes", "no", "notSure"]
    static let missingMessage = "Please choose yes, no or not sure."

    /// One flag's questions on the page.
    struct Group {
        /// The lead-in when the flag is asked in parts.
        let lead: String?
        let questions: [Question]
        let followUps: [Question]
    }

    struct Question {
        let name: String
        let question: String
        let yes: Bool
        let no: Bool
        let notSure: Bool
        let error: String?
        /// Asked only after a "yes" or "not sure" to this field group (for the page script; shown without it).
        let follows: String?
        let required: Bool
    }

    static func fieldNames(of rule: RedFlagRule) -> [String] {
        guard let items = rule.items else { return ["rf.\(rule.id.rawValue)"] }
        return items.indices.map { "rf.\(rule.id.rawValue).\($0 + 1)" }
    }

    static func fieldName(of followUp: RedFlagRule.FollowUp) -> String { "fu.\(followUp.id.rawValue)" }

    static func raised(_ answer: String?) -> Bool { answer == "yes" || answer == "notSure" }

    /// The flags answered yes or "not sure" (any item counts), and the follow-ups answered so.
    func flagged(in values: [String: [String]]) -> (flags: Set<RedFlagID>, followUps: Set<RedFlagFollowUpID>) {
        var flags = Set<RedFlagID>()
        var followUps = Set<RedFlagFollowUpID>()
        for rule in rules {
            if Self.fieldNames(of: rule).contains(where: { Self.raised(values[$0]?.first) }) { flags.insert(rule.id) }
            for followUp in rule.followUps where Self.raised(values[Self.fieldName(of: followUp)]?.first) {
                followUps.insert(followUp.id)
            }
        }
        return (flags, followUps)
    }

    /// Messages keyed by field name for every question left unanswered; a follow-up counts only once its flag is raised.
    func missing(in values: [String: [String]]) -> [String: String] {
        var errors: [String: String] = [:]
        let raised = flagged(in: values).flags
        for rule in rules {
            for name in Self.fieldNames(of: rule) where !Self.answers.contains(values[name]?.first ?? "") {
                errors[name] = Self.missingMessage
            }
            guard raised.contains(rule.id) else { continue }
            for followUp in rule.followUps where !Self.answers.contains(values[Self.fieldName(of: followUp)]?.first ?? "") {
                errors[Self.fieldName(of: followUp)] = "You said yes or not sure above. Please answer this too."
            }
        }
        return errors
    }

    /// The answers with "no" for every sign question left unanswered ("none of these today"). Follow-ups stay as
    /// they are: they are asked only after a yes or not sure, and those still need their answer.
    func answeringNo(_ values: [String: [String]]) -> [String: [String]] {
        var answered = values
        for rule in rules {
            for name in Self.fieldNames(of: rule) where !Self.answers.contains(values[name]?.first ?? "") { answered[name] = ["no"] }
        }
        return answered
    }

    /// Every field name these questions use, so a wizard step knows which values it shows.
    var allFieldNames: [String] { rules.flatMap { Self.fieldNames(of: $0) + $0.followUps.map(Self.fieldName) } }

    /// The groups to show, with earlier answers and errors filled in.
    func groups(values: [String: [String]], errors: [String: String], required: Bool) -> [Group] {
        rules.map { rule in
            let texts = daily ? rule.questionsAskedDaily : rule.questionsAsked
            let questions = zip(Self.fieldNames(of: rule), texts).map { name, text in
                question(name: name, text: text, values: values, errors: errors, follows: nil, required: required)
            }
            let followUps = rule.followUps.map {
                question(
                    name: Self.fieldName(of: $0), text: "If you said yes or not sure: \($0.question)", values: values, errors: errors,
                    follows: "rf.\(rule.id.rawValue)", required: false)
            }
            return Group(lead: rule.items == nil ? nil : rule.question, questions: questions, followUps: followUps)
        }
    }

    private func question(
        name: String, text: String, values: [String: [String]], errors: [String: String], follows: String?, required: Bool
    ) -> Question {
        let answer = values[name]?.first
        return Question(
            name: name, question: text, yes: answer == "yes", no: answer == "no", notSure: answer == "notSure", error: errors[name],
            follows: follows, required: required)
    }
}

extension SafetyQuestionForm {
    /// The intake's red-flag questions for these ids, in the order given.
    static func intake(_ ids: [RedFlagID], content: ContentLibrary) -> SafetyQuestionForm {
        SafetyQuestionForm(rules: ids.compactMap { content.redFlags.rule($0) })
    }
}
