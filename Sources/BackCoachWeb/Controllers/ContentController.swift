import BackCoachContent
import BackCoachCore
import BackCoachServices
import Hummingbird

/// Public, read-only content: exercises, articles, search and the questions every interface asks.
struct ContentController {
    let content: ContentLibrary
    let search: SearchService

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/exercises") { _, _ in JSONResponse(content.catalogue.exercises) }
        router.get("/api/v1/exercises/:id") { _, context in
            let id = context.parameters.get("id") ?? ""
            guard let exercise = content.catalogue[id] else { throw Problem.notFound("There is no exercise called \"\(id)\".") }
            return JSONResponse(exercise)
        }
        router.get("/api/v1/articles") { _, _ in
            JSONResponse(content.articles.map { ArticleSummary(slug: $0.slug, title: $0.title, summary: $0.summary) })
        }
        router.get("/api/v1/articles/:slug") { _, context in
            let slug = context.parameters.get("slug") ?? ""
            guard let article = content.article(slug) else { throw Problem.notFound("There is no article called \"\(slug)\".") }
            return JSONResponse(
                ArticleBody(
                    slug: article.slug, title: article.title, summary: article.summary, sources: article.sources, html: article.html,
                    text: article.text))
        }
        router.get("/api/v1/search") { request, _ in
            // Counted in Unicode code points (by the service), as the OpenAPI document's maxLength counts them.
            // The help card's numbers: ?country= when given, else the caller's language settings.
            let country = try ProfileService.checkedCountry(request.formQuery("country")) ?? request.countryFromLanguage
            return JSONResponse(try search.search(request.formQuery("q") ?? "", country: country))
        }
        router.get("/api/v1/questions") { _, _ in JSONResponse(Questions(content: content)) }
    }

    struct ArticleSummary: Encodable {
        let slug, title, summary: String
    }

    struct ArticleBody: Encodable {
        let slug, title, summary: String
        let sources: [String]
        let html, text: String
    }

    /// The intake questions and both red-flag screens, in the order to ask them.
    struct Questions: Encodable {
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

            init(_ rule: RedFlagRule) {
                id = rule.id
                question = rule.question
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
            redFlags = questions.redFlagsAskedAtIntake.compactMap { id in
                content.redFlags.rule(id).map(FlagQuestion.init)
            }
            intake = questions.intake
            rescreen = content.rescreenFlags.map(FlagQuestion.init)
        }
    }
}
