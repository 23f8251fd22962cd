import BackCoachContent
import BackCoachCore

/// One article, with its sources.
struct ArticlePage {
    let chrome: Chrome
    let title: String
    let summary: String
    let html: String
    let text: String
    let sources: [SourceView]

    struct SourceView {
        let id: String
        let citation: String
    }

    static func make(_ article: Article, sources: [String: ContentLibrary.Source], context: AppRequestContext, assets: Assets)
        -> ArticlePage
    {
        ArticlePage(
            chrome: Chrome(title: article.title, context: context, section: .learn, assets: assets), title: article.title,
            summary: article.summary, html: article.html, text: article.text,
            sources: article.sources.map { .init(id: $0, citation: sources[$0]?.shown ?? $0) })
    }
}
