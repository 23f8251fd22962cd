import BackCoachContent
import BackCoachCore
import Foundation

/// View model for one wizard step.
struct StartPage {
    let chrome: Chrome
    let step: Int
    let stepNumber: Int
    let stepCount: Int
    let stepTitle: String
    let intro: String?
    let isFirst: Bool
    let isLast: Bool
    let flagGroups: [SafetyQuestionForm.Group]
    let questions: [QuestionView]
    let hasErrors: Bool
    let labels: QuestionSet.AnswerLabels

    struct QuestionView {
        let name: String
        let text: String
        let help: String?
        let isNumber: Bool
        let isDate: Bool
        let isOptional: Bool
        let isBoolean: Bool
        let isChoice: Bool
        let isMultiple: Bool
        let min: Int
        let max: Int
        let value: String
        let yes: Bool
        let no: Bool
        let options: [OptionView]
        let error: String?
    }

    struct OptionView {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    /// Step `step` of the wizard (content sets the steps: questions.json), with her answers so far filled in.
    static func make(
        step: Int, answers: WizardAnswers, errors: [String: String], content: ContentLibrary, context: AppRequestContext, assets: Assets
    ) -> StartPage {
        let steps = content.questions.wizardSteps
        let current = steps[step]
        let questions = content.questions
        var flags: [SafetyQuestionForm.Group] = []
        var views: [StartPage.QuestionView] = []
        switch current.kind {
        case .safety(let ids):
            let form = SafetyQuestionForm.intake(ids, content: content)
            flags = form.groups(values: answers.values, errors: errors, required: false)
        case .topic(let topic):
            for question in questions.intake where question.topic == topic {
                let name = "q.\(question.field)"
                let values = answers.values[name] ?? []
                views.append(
                    .init(
                        name: name, text: question.text, help: question.help,
                        isNumber: question.kind == .integer || question.kind == .optionalInteger, isDate: question.kind == .date,
                        isOptional: question.kind == .optionalInteger, isBoolean: question.kind == .boolean,
                        isChoice: question.kind == .choice,
                        isMultiple: question.kind == .multiple, min: question.min ?? 0, max: question.max ?? 0, value: values.first ?? "",
                        yes: values.first == "yes", no: values.first == "no",
                        options: question.options.map {
                            .init(id: "\(question.field)-\($0.value)", value: $0.value, label: $0.label, checked: values.contains($0.value))
                        },
                        error: errors[name]))
            }
        }
        return StartPage(
            chrome: Chrome(title: current.title, context: context, assets: assets), step: step, stepNumber: step + 1,
            stepCount: steps.count, stepTitle: current.title,
            intro: step == 0 ? questions.intro + " " + questions.redFlagIntro : (current.isSafety ? questions.redFlagIntro : nil),
            isFirst: step == 0, isLast: step == steps.count - 1, flagGroups: flags, questions: views,
            hasErrors: !errors.isEmpty, labels: questions.answers)
    }
}
