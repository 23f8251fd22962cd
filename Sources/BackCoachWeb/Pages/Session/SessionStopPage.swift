import BackCoachContent
import BackCoachCore

/// "Stop: something is wrong": what she can report to stop at once (content: questions.json `sessionStopSigns`).
struct SessionStopPage {
    let chrome: Chrome
    let stopSigns: [QuestionSet.StopSign]

    static func make(_ questions: QuestionSet, context: AppRequestContext, assets: Assets) -> SessionStopPage {
        SessionStopPage(
            chrome: Chrome(title: "Stop", context: context, section: .today, assets: assets), stopSigns: questions.sessionStopSigns)
    }
}
