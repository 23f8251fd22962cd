import Foundation
import Testing

/// Every link and form in the templates goes to a page the router has, so renaming a `PagePath` without its
/// templates (or the other way round) fails here rather than in her browser.
@Suite("Page paths")
struct PagePathTests {
    static let templates = LayeringTests.root.appendingPathComponent("Sources/BackCoachWeb/Resources/templates")

    /// `href="/learn/{{slug}}"` → `/learn/*`: a template value stands for one path segment.
    static func linkedPaths() throws -> Set<String> {
        let files =
            FileManager.default.enumerator(atPath: templates.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") } ?? []
        var paths: Set<String> = []
        for file in files {
            let text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /(?:href|action)="(\/[^"?#]*)/) {
                paths.insert(String(match.output.1).replacing(/\{\{[^}]*\}\}/, with: "*"))
            }
        }
        return paths
    }

    static func matches(_ link: String, _ route: String) -> Bool {
        let parts = link.split(separator: "/", omittingEmptySubsequences: false)
        let pattern = route.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == pattern.count
            && zip(parts, pattern).allSatisfy { part, segment in
                part == segment || segment.hasPrefix("{") || (part.contains("*") && segment.hasPrefix("{"))
                    || (part.hasSuffix("*") && segment.hasPrefix(part.dropLast()))
            }
    }

    @Test("Every href and form action in the templates is a route")
    func linksResolve() async throws {
        let links = try Self.linkedPaths()
        #expect(links.count > 30, "the check found the templates' links")
        try await TestApp.run { app in
            let routes = app.routes.map { String($0.split(separator: " ", maxSplits: 1)[1]) }
            let broken = links.filter { link in !routes.contains { Self.matches(link, $0) } }.sorted()
            #expect(broken.isEmpty, "links to no route: \(broken)")
        }
    }
}
