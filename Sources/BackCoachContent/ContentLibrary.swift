import BackCoachCore
import Foundation

/// All bundled content, loaded once, validated, and immutable afterwards.
public struct ContentLibrary: Sendable {
    public let sources: [String: Source]
    public let redFlags: RedFlagRuleSet
    public let questions: QuestionSet
    public let catalogue: ExerciseCatalogue
    /// How each exercise is drawn, by exercise id; every exercise has one.
    public let figures: [String: ExerciseFigure]
    public let noteTexts: [ProgramNoteID: ProgramNoteText]
    /// Sorted by their `order`.
    public let articles: [Article]
    public let search: SearchIndex
    /// Words that make a search a question about a warning sign.
    public let safetyVocabulary: SafetyVocabulary
    /// Emergency, urgent, crisis and support numbers per country, each with its source.
    public let countries: CountryDirectory
    /// The return-to-running check (reference 5.3).
    public let runningCheck: RunningCheck

    public struct Source: Codable, Equatable, Sendable {
        /// The citation as the team and the docs keep it (it may carry notes for reviewers).
        public let citation: String
        public let url: String?
        /// How a reader is shown this source when the citation holds notes meant for the team.
        public let reader: String?

        /// What a mother reads on a page.
        public var shown: String { reader ?? citation }
    }

    /// The triage engine and program generator wired to this content.
    public var coach: Coach {
        Coach(triageEngine: TriageEngine(rules: redFlags), generator: ProgramGenerator(catalogue: catalogue, noteTexts: noteTexts))
    }

    public func article(_ slug: String) -> Article? { articles.first { $0.slug == slug } }

    /// The rescreen questions asked before every session, in id order.
    public var rescreenFlags: [RedFlagRule] { redFlags.flags.filter(\.rescreen) }

    /// The content shipped inside the package. Loaded once per process; a broken bundle is a build defect.
    public static func bundled() throws(ContentError) -> ContentLibrary {
        guard let url = bundledFolder else { throw ContentError("the bundled content folder is missing from the build") }
        return try load(from: url)
    }

    /// Where the bundled content lives at run time.
    public static var bundledFolder: URL? { Bundle.module.url(forResource: "content", withExtension: nil) }

    /// Loads and validates a content folder (the bundled one, or an edited copy for `catalogue validate`).
    public static func load(from folder: URL) throws(ContentError) -> ContentLibrary {
        let sources: [String: Source] = try decode("sources.json", in: folder)
        let known = Set(sources.keys)
        let redFlags: RedFlagRuleSet = try decode("red-flags.json", in: folder)
        try redFlags.validate()
        for flag in redFlags.flags {
            for source in flag.sources where !known.contains(source) {
                throw ContentError("\(flag.id.rawValue): unknown source \(source)")
            }
        }
        let questions: QuestionSet = try decode("questions.json", in: folder)
        try questions.validate()
        for sign in questions.sessionStopSigns where redFlags.rule(sign.flag).map({ $0.level < .urgent }) ?? true {
            throw ContentError("questions: stop sign \(sign.id) must raise an urgent or emergency flag")
        }
        for id in questions.redFlagsAskedAtIntake where redFlags.rule(id) == nil {
            throw ContentError("questions: \(id.rawValue) is asked at intake but red-flags.json has no such flag")
        }
        let catalogueFile: CatalogueFile = try decode("exercises.json", in: folder)
        let catalogue = try ExerciseCatalogue(exercises: catalogueFile.exercises, knownSources: known)
        let figures: [String: ExerciseFigure] = try decode("figures.json", in: folder)
        try validate(figures, catalogue: catalogue)
        let rawNotes: [String: ProgramNoteText] = try decode("program-notes.json", in: folder)
        var notes: [ProgramNoteID: ProgramNoteText] = [:]
        for (key, value) in rawNotes {
            guard let id = ProgramNoteID(rawValue: key) else { throw ContentError("program-notes.json: unknown note \(key)") }
            for source in value.sources where !known.contains(source) {
                throw ContentError("program note \(key): unknown source \(source)")
            }
            notes[id] = value
        }
        let missingNotes = ProgramNoteID.allCases.filter { notes[$0] == nil }
        if !missingNotes.isEmpty {
            throw ContentError("program-notes.json: missing \(missingNotes.map(\.rawValue).joined(separator: ", "))")
        }
        let articles = try loadArticles(in: folder.appendingPathComponent("articles"), knownSources: known, redFlags: redFlags)
        let safetyVocabulary: SafetyVocabulary = try decode("safety-vocabulary.json", in: folder)
        try safetyVocabulary.validate(flags: redFlags, articles: Set(articles.map(\.slug)))
        let countries: CountryDirectory = try decode("countries.json", in: folder)
        try countries.validate()
        let runningCheck: RunningCheck = try decode("running-check.json", in: folder)
        try runningCheck.validate(knownSources: known)
        return ContentLibrary(
            sources: sources, redFlags: redFlags, questions: questions, catalogue: catalogue, figures: figures, noteTexts: notes,
            articles: articles, search: SearchIndex(documents: searchDocuments(articles: articles, catalogue: catalogue)),
            safetyVocabulary: safetyVocabulary, countries: countries, runningCheck: runningCheck)
    }

    /// The numbers to show someone in `country` (fallback words when it isn't listed or wasn't given).
    public func contacts(for country: String?) -> Contacts { countries.contacts(for: country) }

    /// One figure per exercise, none for exercises that don't exist, each one drawable.
    private static func validate(_ figures: [String: ExerciseFigure], catalogue: ExerciseCatalogue) throws(ContentError) {
        for id in figures.keys.sorted() where catalogue[id] == nil {
            throw ContentError("figures.json: \(id) is not an exercise in the catalogue")
        }
        for exercise in catalogue.exercises {
            guard let figure = figures[exercise.id] else { throw ContentError("figures.json: \(exercise.id) has no figure") }
            try FigureValidator.validate(figure, id: exercise.id, dose: exercise.dose)
        }
    }

    /// The figure of an exercise as an SVG: animated, or the start and end side by side.
    public func figureSVG(for exercise: Exercise, animated: Bool = true) -> String? {
        figures[exercise.id].map { FigureRenderer(figure: $0, dose: exercise.dose).svg(title: exercise.title, animated: animated) }
    }

    private struct CatalogueFile: Decodable {
        let exercises: [Exercise]
    }

    private static func decode<T: Decodable>(_ name: String, in folder: URL) throws(ContentError) -> T {
        let url = folder.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { throw ContentError("\(name) is missing") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ContentError("\(name): \(path(context.codingPath + [key])) is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw ContentError("\(name): \(path(context.codingPath)) is not valid (\(context.debugDescription))")
        } catch {
            throw ContentError("\(name) is not valid JSON")
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }

    private static func loadArticles(in folder: URL, knownSources: Set<String>, redFlags: RedFlagRuleSet) throws(ContentError)
        -> [Article]
    {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        if files.isEmpty { throw ContentError("no articles found") }
        var articles: [Article] = []
        for file in files {
            guard var source = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else {
                throw ContentError("article \(file) is not readable UTF-8 text")
            }
            source = source.replacingOccurrences(of: RedFlagList.marker, with: RedFlagList.markdown(redFlags))
            let slug = String(file.dropLast(3))
            articles.append(try ArticleParser.parse(slug: slug, source: source, knownSources: knownSources))
        }
        return articles.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }

    private static func searchDocuments(articles: [Article], catalogue: ExerciseCatalogue) -> [SearchIndex.Document] {
        articles.map { SearchIndex.Document(kind: "article", id: $0.slug, title: $0.title, summary: $0.summary, body: $0.text) }
            + catalogue.exercises.map {
                SearchIndex.Document(
                    kind: "exercise", id: $0.id, title: $0.title, summary: $0.purpose,
                    body: ([$0.startPosition] + $0.steps + $0.cues + $0.mistakes).joined(separator: " "))
            }
    }
}
