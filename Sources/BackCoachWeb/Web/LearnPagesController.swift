import BackCoachContent
import BackCoachCore
import BackCoachServices
import Hummingbird

/// Articles, the FAQ, exercise pages and search. Public: no sign-in needed.
struct LearnPagesController {
    let content: ContentLibrary
    let search: SearchService
    let figures: ExerciseFigures
    let renderer: WebRenderer

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/learn", use: index)
        router.get("/learn/:slug", use: article)
        router.get("/exercises/:id", use: exercise)
        router.get("/search", use: search)
    }

    struct LearnPage {
        let chrome: Chrome
        let articles: [ArticleLink]
        let pillars: [PillarGroup]

        struct ArticleLink {
            let slug: String
            let title: String
            let summary: String
        }

        struct PillarGroup {
            let title: String
            let exercises: [ExerciseLink]
        }

        struct ExerciseLink {
            let id: String
            let title: String
            let ref: String
        }
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        let groups = Pillar.allCases.map { pillar in
            LearnPage.PillarGroup(
                title: pillar.title,
                exercises: content.catalogue.exercises.filter { $0.pillar == pillar }.map { .init(id: $0.id, title: $0.title, ref: $0.ref) }
            )
        }
        return try renderer.html(
            "pages/learn",
            LearnPage(
                chrome: Chrome(title: "Learn", context: context, section: .learn, assets: renderer.assets),
                articles: content.articles.map { .init(slug: $0.slug, title: $0.title, summary: $0.summary) }, pillars: groups))
    }

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
    }

    @Sendable func article(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = context.parameters.get("slug") ?? ""
        guard let article = content.article(slug) else { throw Problem.notFound("There is no article at this address.") }
        return try renderer.html(
            "pages/article",
            ArticlePage(
                chrome: Chrome(title: article.title, context: context, section: .learn, assets: renderer.assets), title: article.title,
                summary: article.summary, html: article.html, text: article.text,
                sources: article.sources.map { .init(id: $0, citation: content.sources[$0]?.citation ?? $0) }))
    }

    struct ExercisePage {
        let chrome: Chrome
        let exercise: Exercise
        let figure: ExerciseFigures.Image?
        let pillar: String
        let dose: String
        let target: String
        let ladder: [Rung]
        let conditions: [String]
        let equipment: String?

        struct Rung {
            let id: String
            let title: String
            let ref: String
            let current: Bool
        }
    }

    @Sendable func exercise(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let exercise = content.catalogue[id] else { throw Problem.notFound("There is no exercise at this address.") }
        let root = content.catalogue.ladderRoots.first { content.catalogue.ladder(from: $0).contains { $0.id == id } } ?? exercise
        return try renderer.html(
            "pages/exercise",
            ExercisePage(
                chrome: Chrome(title: exercise.title, context: context, section: .learn, assets: renderer.assets), exercise: exercise,
                figure: figures.image(for: id), pillar: exercise.pillar.title, dose: exercise.dose.summary,
                target: exercise.targetDose.summary,
                ladder: content.catalogue.ladder(from: root).map { .init(id: $0.id, title: $0.title, ref: $0.ref, current: $0.id == id) },
                conditions: exercise.conditions.map(\.note),
                equipment: exercise.equipment.isEmpty ? nil : exercise.equipment.map(\.displayName).joined(separator: ", ")))
    }

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
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = String((request.formQuery("q") ?? "").prefix(SearchService.maxLength))
        let answer =
            query.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try search.search(query, country: context.country(from: request))
        let hits = answer?.results ?? []
        return try renderer.html(
            "pages/search",
            SearchPage(
                chrome: Chrome(title: "Search", context: context, section: .learn, assets: renderer.assets), query: query,
                hits: hits.map {
                    .init(
                        url: $0.kind == "article" ? "/learn/\($0.id)" : "/exercises/\($0.id)", title: $0.title, summary: $0.summary,
                        kind: $0.kind == "article" ? "Article" : "Exercise")
                }, searched: !query.isEmpty,
                help: answer?.help.map {
                    .init(level: $0.level.rawValue, title: $0.title, action: $0.action, advice: $0.advice, contacts: $0.contacts)
                }))
    }
}
