import BackCoachAPI
import BackCoachContent
import BackCoachCore
import BackCoachServices

/// Public, read-only content: exercises, articles, search and the questions every interface asks.
extension APIHandler {
    func listExercises(_ input: Operations.ListExercises.Input) async throws -> Operations.ListExercises.Output {
        .ok(.init(body: .json(try Wire.convert(content.catalogue.exercises))))
    }

    func getExercise(_ input: Operations.GetExercise.Input) async throws -> Operations.GetExercise.Output {
        let id = input.path.id
        guard let exercise = content.catalogue[id] else { throw Problem.notFound("There is no exercise called \"\(id.prefix(100))\".") }
        return .ok(.init(body: .json(try Wire.convert(exercise))))
    }

    func listArticles(_ input: Operations.ListArticles.Input) async throws -> Operations.ListArticles.Output {
        .ok(.init(body: .json(content.articles.map { .init(slug: $0.slug, title: $0.title, summary: $0.summary) })))
    }

    func getArticle(_ input: Operations.GetArticle.Input) async throws -> Operations.GetArticle.Output {
        let slug = input.path.slug
        guard let article = content.article(slug) else { throw Problem.notFound("There is no article called \"\(slug.prefix(100))\".") }
        return .ok(
            .init(
                body: .json(
                    .init(
                        slug: article.slug, title: article.title, summary: article.summary, sources: article.sources, html: article.html,
                        text: article.text))))
    }

    /// The help card's numbers: `?country=` when given, else the caller's language settings.
    func search(_ input: Operations.Search.Input) async throws -> Operations.Search.Output {
        let country =
            try ProfileService.checkedCountry(input.query.country) ?? CountryGuess.country(fromLanguage: APICall.current?.acceptLanguage)
        // Counted in Unicode code points (by the service), as the OpenAPI document's maxLength counts them.
        return .ok(.init(body: .json(try Wire.convert(try services.search.search(input.query.q, country: country)))))
    }

    func getQuestions(_ input: Operations.GetQuestions.Input) async throws -> Operations.GetQuestions.Output {
        .ok(.init(body: .json(try Wire.convert(QuestionsDocument(content: content)))))
    }
}
