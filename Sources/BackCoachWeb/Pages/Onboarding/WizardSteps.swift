import BackCoachContent
import BackCoachCore
import Foundation

/// The wizard's steps as content sets them (questions.json), and what each step needs: the fields it shows, the
/// answers it still lacks, and what the safety answers so far mean.
struct WizardSteps {
    let content: ContentLibrary

    var all: [IntakeStep] { content.questions.wizardSteps }
    var last: Int { all.count - 1 }

    /// Every red-flag question the intake asks, across its safety steps.
    var safetyQuestions: SafetyQuestionForm { .intake(content.questions.redFlagsAskedAtIntake, content: content) }

    /// The form fields step `index` shows.
    func fieldNames(of index: Int) -> Set<String> {
        switch all[index].kind {
        case .safety(let ids): Set(SafetyQuestionForm.intake(ids, content: content).allFieldNames)
        case .topic(let topic): Set(content.questions.intake.filter { $0.topic == topic }.map { "q.\($0.field)" })
        }
    }

    /// The first step still missing an answer (or holding one it can't take), or nil when every step is complete.
    func firstIncomplete(_ answers: WizardAnswers) -> Int? {
        all.indices.first { !errors(in: $0, answers: answers).isEmpty }
    }

    /// The first step showing one of `fields`.
    func firstStep(showing fields: some Collection<String>) -> Int? {
        all.indices.first { !fieldNames(of: $0).isDisjoint(with: fields) }
    }

    /// The safety answers among `fields` that raise a flag ("yes" or "not sure").
    func raised(in values: [String: [String]], among fields: Set<String>) -> Set<String> {
        fields.filter { ($0.hasPrefix("rf.") || $0.hasPrefix("fu.")) && SafetyQuestionForm.raised(values[$0]?.first) }
    }

    /// What every safety answer so far means together; the script she reads out names the birth date once she has
    /// given it (or her saved intake had it).
    func screen(_ answers: WizardAnswers) -> TriageResult {
        let flagged = safetyQuestions.flagged(in: answers.values)
        let birthDate = answers.values["q.birthDate"]?.first.flatMap { LocalDate($0) }
        return content.coach.triageEngine.screen(flagged.flags, followUps: flagged.followUps, birthDate: birthDate)
    }

    /// Messages keyed by field name, in plain words, for step `index`.
    func errors(in index: Int, answers: WizardAnswers) -> [String: String] {
        switch all[index].kind {
        case .safety(let ids):
            return SafetyQuestionForm.intake(ids, content: content).missing(in: answers.values)
        case .topic(let topic):
            var errors: [String: String] = [:]
            for question in content.questions.intake where question.topic == topic {
                let name = "q.\(question.field)"
                if let message = problem(with: question, answers: answers) { errors[name] = message }
            }
            return errors
        }
    }

    private func problem(with question: IntakeQuestion, answers: WizardAnswers) -> String? {
        let values = answers.values["q.\(question.field)"] ?? []
        let first = values.first?.trimmingCharacters(in: .whitespaces) ?? ""
        switch question.kind {
        case .date:
            return first.isEmpty || LocalDate(first) != nil ? nil : "Please give the date like 2026-10-02, or leave it empty."
        case .integer, .optionalInteger:
            if first.isEmpty && question.kind == .optionalInteger {
                // Asked unless another answer says it: then one of the two is needed.
                guard let other = question.askedUnless, (answers.values["q.\(other)"]?.first ?? "").isEmpty else { return nil }
                return "Please give the date of the birth above, or how many weeks ago it was."
            }
            if let number = Int(first), number >= (question.min ?? .min), number <= (question.max ?? .max) { return nil }
            return "Please enter a whole number from \(question.min ?? 0) to \(question.max ?? 0)."
        case .boolean:
            return ["yes", "no"].contains(first) ? nil : "Please choose yes or no."
        case .choice:
            return question.options.contains(where: { $0.value == first }) ? nil : "Please choose one."
        case .multiple:
            let allowed = Set(question.options.map(\.value))
            return values.allSatisfy({ $0.isEmpty || allowed.contains($0) }) ? nil : "Please choose from the list."
        }
    }
}
