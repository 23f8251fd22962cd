import ArgumentParser
import BackCoachContent
import BackCoachCore
import Foundation

struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue", abstract: "Tools for content editors.", subcommands: [Validate.self])

    struct Validate: ParsableCommand, CLICommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the exercises, figures, questions, red flags, notes and articles, as the app does at start-up.")

        @Option(help: "A content folder to check instead of the bundled one (e.g. Sources/BackCoachContent/Resources/content).")
        var path: String?

        func execute(in environment: CLIEnvironment) throws -> String {
            let library = try environment.content(in: path, option: "--path")
            let grades = library.articles.map { ($0.slug, ReadingLevel.grade(of: $0.text)) }
            if let hardest = grades.max(by: { $0.1 < $1.1 }), hardest.1 > ReadingLevel.maximumGrade {
                throw CLIError(
                    "article \(hardest.0) reads at grade \(String(format: "%.1f", hardest.1)); keep articles at grade \(Int(ReadingLevel.maximumGrade)) or below"
                )
            }
            let maxGrade = grades.map(\.1).max() ?? 0
            let figureSizes = library.catalogue.exercises.map { ($0.id, library.figureSVG(for: $0)?.utf8.count ?? 0) }
            let largestFigure = figureSizes.max { $0.1 < $1.1 } ?? ("", 0)
            if largestFigure.1 > FigureRenderer.maximumBytes {
                throw CLIError(
                    "figure \(largestFigure.0) is \(largestFigure.1) bytes of SVG; keep figures within \(FigureRenderer.maximumBytes) (fewer moving parts, or a smaller move)"
                )
            }
            return """
                Content is valid:
                  \(library.catalogue.exercises.count) exercises in \(library.catalogue.ladderRoots.count) progression ladders
                  \(library.redFlags.flags.count) red flags (\(library.rescreenFlags.count) in the before-session screen)
                  \(library.questions.intake.count) intake questions
                  \(library.articles.count) articles, hardest reading grade \(String(format: "%.1f", maxGrade))
                  \(figureSizes.count) exercise figures, the largest \(largestFigure.1) bytes of SVG
                  \(library.sources.count) sources

                """
        }
    }
}
