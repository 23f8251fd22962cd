import BackCoachCore
import Foundation
import Ink

/// Parses an article file and checks its front matter.
enum ArticleParser {
    static func parse(slug: String, source: String, knownSources: Set<String>) throws(ContentError) -> Article {
        let document = MarkdownParser().parse(source)
        let name = "article \(slug)"
        guard let title = document.metadata["title"], !title.isEmpty else { throw ContentError("\(name): front matter needs a title") }
        guard let summary = document.metadata["summary"], !summary.isEmpty else {
            throw ContentError("\(name): front matter needs a summary")
        }
        let sources = (document.metadata["sources"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        if sources.isEmpty { throw ContentError("\(name): front matter needs sources") }
        for source in sources where !knownSources.contains(source) {
            throw ContentError("\(name): unknown source \(source)")
        }
        guard let order = Int(document.metadata["order"] ?? "") else {
            throw ContentError("\(name): front matter needs a whole-number order")
        }
        let body = stripFrontMatter(source)
        return Article(
            slug: slug, title: title, summary: summary, sources: sources, order: order, markdown: body,
            html: document.html + "\n<p class=\"disclaimer\">\(Disclaimer.text)</p>",
            text: PlainText.fromMarkdown(body) + "\n\n" + Disclaimer.text)
    }

    static func stripFrontMatter(_ source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return source }
        return lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
