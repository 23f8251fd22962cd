import BackCoachContent
import BackCoachCore

/// The intake questions and both red-flag screens, in the order to ask them, as `GET /api/v1/questions` gives them.
struct QuestionsDocument: Encodable {
    let intro: String
    let redFlagIntro: String
    let rescreenIntro: String
    let answers: QuestionSet.AnswerLabels
    let redFlags: [FlagQuestion]
    let intake: [IntakeQuestion]
    let rescreen: [FlagQuestion]

    /// One flag's question; with `items`, the lead-in to separate questions (any "yes" or "not sure" raises the
    /// flag). `followUps` are asked only after a "yes" or "not sure", and go in `redFlagFollowUps`.
    struct FlagQuestion: Encodable {
        let id: RedFlagID
        let question: String
        let items: [String]?
        let followUps: [FollowUp]

        struct FollowUp: Encodable {
            let id: RedFlagFollowUpID
            let question: String
        }

        init(_ rule: RedFlagRule, daily: Bool = false) {
            id = rule.id
            question = daily ? rule.dailyQuestion ?? rule.question : rule.question
            items = rule.items
            followUps = rule.followUps.map { FollowUp(id: $0.id, question: $0.question) }
        }
    }

    init(content: ContentLibrary) {
        let questions = content.questions
        intro = questions.intro
        redFlagIntro = questions.redFlagIntro
        rescreenIntro = questions.rescreenIntro
        answers = questions.answers
        redFlags = questions.redFlagsAskedAtIntake.compactMap { id in content.redFlags.rule(id).map { FlagQuestion($0) } }
        intake = questions.intake
        rescreen = content.rescreenFlags.map { FlagQuestion($0, daily: true) }
    }
}
