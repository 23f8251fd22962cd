import BackCoachContent
import BackCoachCore
import BackCoachServices

/// After a session: what changes next time, in plain words.
struct SessionDonePage {
    let chrome: Chrome
    let decisions: [DecisionView]
    let phaseChange: String?

    struct DecisionView {
        let title: String
        let reason: String
        let isProgress: Bool
        let isRegress: Bool
    }

    static func make(_ logged: SessionService.Logged, catalogue: ExerciseCatalogue, context: AppRequestContext, assets: Assets)
        -> SessionDonePage
    {
        let decisions = logged.log.decisions.map { decision in
            SessionDonePage.DecisionView(
                title: catalogue[decision.exerciseID]?.title ?? decision.exerciseID, reason: decision.reason,
                isProgress: decision.action == .progress, isRegress: decision.action == .regress)
        }
        return SessionDonePage(
            chrome: Chrome(title: "Well done", context: context, section: .today, assets: assets), decisions: decisions,
            phaseChange: logged.phaseChange)
    }
}
