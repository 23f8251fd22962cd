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
        router.get(PagePath.learn, use: index)
        router.get(PagePath.article, use: article)
        router.get(PagePath.exercise, use: exercise)
        router.get(PagePath.search, use: search)
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        try renderer.html("pages/learn", LearnPage.make(content, context: context, assets: renderer.assets))
    }

    @Sendable func article(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = context.parameters.get("slug") ?? ""
        guard let article = content.article(slug) else { throw Problem.notFound("There is no article at this address.") }
        return try renderer.html(
            "pages/article", ArticlePage.make(article, sources: content.sources, context: context, assets: renderer.assets))
    }

    @Sendable func exercise(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = context.parameters.get("id") ?? ""
        guard let exercise = content.catalogue[id] else { throw Problem.notFound("There is no exercise at this address.") }
        return try renderer.html(
            "pages/exercise",
            ExercisePage.make(exercise, catalogue: content.catalogue, figures: figures, context: context, assets: renderer.assets))
    }

    @Sendable func search(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = String((request.formQuery("q") ?? "").prefix(SearchService.maxLength))
        let answer =
            query.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try search.search(query, country: context.country(from: request))
        return try renderer.html("pages/search", SearchPage.make(query: query, answer: answer, context: context, assets: renderer.assets))
    }
}
