import BackCoachCore
import BackCoachServices

/// "Ready to run?": the return-to-running check from the plan, and its verdict in plain words.
struct RunningCheckPage {
    let chrome: Chrome
    let intro: String
    /// Why the check waits; no form then.
    let waiting: Verdict?
    /// The verdict for the answers just sent.
    let result: Verdict?
    let items: [ItemView]
    let error: String?

    struct ItemView {
        let name: String
        let text: String
        let options: [Option]
    }

    struct Option {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    struct Verdict {
        let headline: String
        let advice: String
        let reasons: [String]
        let availableFrom: String?
        let isReady: Bool
        let isPhysio: Bool

        init(_ readiness: RunningReadiness) {
            headline = readiness.headline
            advice = readiness.advice
            reasons = readiness.reasons
            availableFrom = readiness.availableFrom.map(DayLabel.text)
            isReady = readiness.verdict == .ready
            isPhysio = readiness.verdict == .seePhysio
        }
    }

    /// `answers` are what she sent (kept in the form when something is missing).
    static func make(
        _ status: RunningCheckService.Status, answers: [String: String] = [:], result: RunningReadiness? = nil, error: String? = nil,
        context: AppRequestContext, assets: Assets
    ) -> RunningCheckPage {
        let labels = status.check.testAnswers
        let items = status.items.map { item in
            let choices: [(String, String)] =
                item.kind == .question
                ? [("yes", "Yes"), ("no", "No")]
                : [
                    (TestAnswer.passed.rawValue, labels.passed), (TestAnswer.symptoms.rawValue, labels.symptoms),
                    (TestAnswer.notYet.rawValue, labels.notYet),
                ]
            return ItemView(
                name: "item.\(item.id)", text: item.text,
                options: choices.map { .init(id: "\(item.id)-\($0.0)", value: $0.0, label: $0.1, checked: answers[item.id] == $0.0) })
        }
        return RunningCheckPage(
            chrome: Chrome(title: "Ready to run?", context: context, section: .today, assets: assets), intro: status.check.intro,
            waiting: status.waiting.map(Verdict.init), result: result.map(Verdict.init), items: items, error: error)
    }
}
