import ArgumentParser
import BackCoachContent
import BackCoachCore
import BackCoachServices
import Foundation

/// Where she lives, for the emergency and crisis numbers shown with a result that needs help.
struct CountryOption: ParsableArguments {
    @Option(help: "Your country as a two-letter code (e.g. GB, IE, US), to show its emergency and crisis numbers.")
    var country: String?

    func checked() throws -> String? {
        do {
            return try ProfileService.checkedCountry(country)
        } catch {
            throw CLIError("--country: \(error.message)")
        }
    }
}

/// Options shared by commands whose output is data.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}

struct TriageCommand: ParsableCommand, CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "triage", abstract: "Run the red-flag screen on intake answers (JSON file, or - for stdin).")

    @Argument(help: "Intake answers as JSON (see docs/intake.md), or - to read standard input.")
    var file: String
    @OptionGroup var place: CountryOption
    @OptionGroup var output: OutputOptions

    func execute(in environment: CLIEnvironment) throws -> String {
        let country = try place.checked()
        let answers = try environment.intake(from: file)
        let content = try environment.content()
        let result = content.coach.triageEngine.triage(answers)
        if output.json { return try JSONOutput.render(result) }
        return TextRenderer.triage(result)
            + (result.programAllowed ? "" : TextRenderer.contacts(content.contacts(for: country).needed(for: result)))
    }
}

struct PlanCommand: ParsableCommand, CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Triage the answers and, when safe to go on, print a week's plan.")

    @Argument(help: "Intake answers as JSON (see docs/intake.md), or - to read standard input.")
    var file: String
    @Option(help: "First day of the plan, YYYY-MM-DD (default: today).")
    var start: String?
    @Option(
        name: .customLong("pain-ceiling"),
        help: "A lower pain limit during exercise, 0–10; never above the default (5, or 3 in the first 6 weeks or with pelvic girdle pain)."
    )
    var painCeiling: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let painCeiling, !(0...10).contains(painCeiling) {
            throw ValidationError("--pain-ceiling must be a whole number from 0 to 10 (got \(painCeiling))")
        }
    }

    func execute(in environment: CLIEnvironment) throws -> String {
        let answers = try environment.intake(from: file)
        let startDate = try CLIEnvironment.parseDate(start, default: environment.today)
        let content = try environment.content()
        let assessment = content.coach.assess(answers, startDate: startDate, painCeilingOverride: painCeiling)
        if output.json { return try JSONOutput.render(assessment) }
        var text = TextRenderer.triage(assessment.triage)
        if let program = assessment.program { text += TextRenderer.program(program, catalogue: content.catalogue) }
        return text
    }
}

struct ExercisesCommand: ParsableCommand, CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises", abstract: "List the exercise catalogue, or show one exercise.")

    @Argument(help: "An exercise id, e.g. glute-bridge. Leave out to list them all.")
    var id: String?
    @Flag(help: "Write the exercise's figure as SVG instead of its text.")
    var svg = false
    @Flag(help: "With --svg: only the start and end positions side by side, as printed.")
    var still = false
    @Option(help: "With --svg: draw from this content folder (e.g. Sources/BackCoachContent/Resources/content) to check edited poses.")
    var content: String?
    @OptionGroup var output: OutputOptions

    func execute(in environment: CLIEnvironment) throws -> String {
        if svg || still || content != nil { return try figure(in: environment) }
        let catalogue = try environment.content().catalogue
        guard let id else {
            return output.json ? try JSONOutput.render(catalogue.exercises) : TextRenderer.exerciseList(catalogue)
        }
        guard let exercise = catalogue[id] else {
            throw CLIError("no exercise with id \"\(id)\"; run `backcoach exercises` to list them")
        }
        return output.json ? try JSONOutput.render(exercise) : TextRenderer.exercise(exercise, catalogue: catalogue)
    }

    private func figure(in environment: CLIEnvironment) throws -> String {
        guard svg else { throw CLIError("--still and --content go with --svg") }
        guard let id else { throw CLIError("--svg needs an exercise id, e.g. backcoach exercises glute-bridge --svg") }
        let library = try environment.content(in: content, option: "--content")
        guard let exercise = library.catalogue[id], let drawing = library.figureSVG(for: exercise, animated: !still) else {
            throw CLIError("no exercise with id \"\(id)\"; run `backcoach exercises` to list them")
        }
        return drawing + "\n"
    }
}

struct LearnCommand: ParsableCommand, CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "learn", abstract: "List the Learn articles, or read one.")

    @Argument(help: "An article slug, e.g. diastasis-self-test. Leave out to list them all.")
    var slug: String?
    @OptionGroup var output: OutputOptions

    struct ArticleJSON: Encodable {
        let slug, title, summary: String
        let sources: [String]
        let markdown: String?
        let html: String?
    }

    func execute(in environment: CLIEnvironment) throws -> String {
        let articles = try environment.content().articles
        guard let slug else {
            if output.json {
                return try JSONOutput.render(
                    articles.map {
                        ArticleJSON(slug: $0.slug, title: $0.title, summary: $0.summary, sources: $0.sources, markdown: nil, html: nil)
                    })
            }
            return TextRenderer.articleList(articles)
        }
        guard let article = articles.first(where: { $0.slug == slug }) else {
            throw CLIError("no article called \"\(slug)\"; run `backcoach learn` to list them")
        }
        if output.json {
            return try JSONOutput.render(
                ArticleJSON(
                    slug: article.slug, title: article.title, summary: article.summary, sources: article.sources,
                    markdown: article.markdown, html: article.html))
        }
        return TextRenderer.article(article)
    }
}

struct SearchCommand: ParsableCommand, CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search the articles and exercises (small typos are fine).")

    @Argument(help: "What to look for, e.g. \"glute bridge\" or \"leaking\".")
    var query: [String]
    @Option(help: "How many results at most (1–50).")
    var limit = 10
    @OptionGroup var place: CountryOption
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if query.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a word to search for") }
        if !(1...50).contains(limit) { throw ValidationError("--limit must be from 1 to 50 (got \(limit))") }
    }

    func execute(in environment: CLIEnvironment) throws -> String {
        let text = query.joined(separator: " ")
        // The same search as the app: a safety word gets its help card first, never an exercise.
        let answer = try SearchService(content: try environment.content()).search(text, country: try place.checked(), limit: limit)
        if output.json { return try JSONOutput.render(answer) }
        return TextRenderer.searchHelp(answer.help) + TextRenderer.searchHits(answer.results, query: text)
    }
}
