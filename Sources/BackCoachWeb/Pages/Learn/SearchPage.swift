import BackCoachContent
import BackCoachCore
import BackCoachServices

/// Search, with the help card first when the words name a warning sign.
struct SearchPage {
    let chrome: Chrome
    let query: String
    let hits: [Hit]
    let searched: Bool
    /// What to do about a warning sign the search named, shown before any result.
    let help: Help?

    struct Help {
        let level: String
        let title: String
        let action: String
        let advice: String
        let contacts: Contacts
    }

    struct Hit {
        let url: String
        let title: String
        let summary: String
        let kind: String
    }

    /// `answer` is nil before she has typed anything.
    static func make(query: String, answer: SearchService.Answer?, context: AppRequestContext, assets: Assets) -> SearchPage {
        SearchPage(
            chrome: Chrome(title: "Search", context: context, section: .learn, assets: assets), query: query,
            hits: (answer?.results ?? []).map {
                .init(
                    url: $0.kind == "article" ? PagePath.article($0.id) : PagePath.exercise($0.id), title: $0.title, summary: $0.summary,
                    kind: $0.kind == "article" ? "Article" : "Exercise")
            }, searched: !query.isEmpty,
            help: answer?.help.map {
                .init(level: $0.level.rawValue, title: $0.title, action: $0.action, advice: $0.advice, contacts: $0.contacts)
            })
    }
}
