import BackCoachContent
import BackCoachCore
import Hummingbird

/// The stop page: what to do now, in large type, and no program.
struct StopPage {
    let chrome: Chrome
    let emergency: Bool
    let heading: String
    let action: String
    let flags: [TriageFlag]
    let contacts: Contacts
    /// When she gave the answer, in her time zone. (Not `note`: contact lines have a `note`, and mustache would
    /// show this one under every number that has none.)
    let answeredAt: String?
    /// What she can do from here (correct a mistaken tap, answer the other safety questions).
    let links: [Link]

    struct Link {
        let href: String
        let label: String
    }

    /// After an emergency or urgent answer, in the wizard or the safety check. `contacts` are her country's numbers
    /// (or the fallback words); the page shows the ones this result calls for.
    static func make(
        _ triage: TriageResult, contacts: Contacts, context: AppRequestContext, assets: Assets, answeredAt: String? = nil,
        links: [Link] = []
    ) -> StopPage {
        let emergency = triage.level == .emergency
        return StopPage(
            chrome: Chrome(title: emergency ? "Get help now" : "Please get help", context: context, assets: assets),
            // The headline keeps the most urgent flag's own timing: "within 48 hours" is never shouted as "today".
            emergency: emergency, heading: (triage.timing ?? .today).headline,
            action: triage.action ?? "", flags: triage.flags, contacts: contacts.needed(for: triage), answeredAt: answeredAt, links: links)
    }
}

extension WebRenderer {
    func stopPage(_ triage: TriageResult, contacts: Contacts, context: AppRequestContext) throws -> Response {
        try html("pages/stop", StopPage.make(triage, contacts: contacts, context: context, assets: assets))
    }
}
