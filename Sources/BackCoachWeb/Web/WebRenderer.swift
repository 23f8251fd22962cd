import BackCoachCore
import Foundation
import Hummingbird
import Mustache
import NIOCore

/// Renders pages from the bundled Mustache templates (loaded once at start-up).
public struct WebRenderer: Sendable {
    let library: MustacheLibrary
    let assets: Assets
    /// Fragments that read the same for everyone, rendered once (see `fragment`).
    let fragments = BoundedCache<String, String>(capacity: 16)

    public static func bundled() async throws -> WebRenderer {
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw Problem(.internalServerError, "The page templates are missing from the build.")
        }
        return WebRenderer(library: try await MustacheLibrary(directory: folder.path), assets: .bundled)
    }

    /// Renders `pages/NAME` with `model`; an unknown template is a programming error reported as a 500.
    func html(_ template: String, _ model: Any, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let rendered = library.render(TemplateValues.flatten(model), withTemplate: template) else {
            throw Problem(.internalServerError, "The page template \(template) is missing.")
        }
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: Self.withoutBreaksBetweenTags(rendered)))
    }

    /// A template rendered on its own, for a page to place unescaped (`{{{name}}}`). The Today page's safety
    /// questions took four fifths of its time through Mustache (perf, docs/performance.md), and unanswered they are
    /// the same for everyone: `cacheAs` keeps such a fragment after its first rendering.
    func fragment(_ template: String, cacheAs key: String? = nil, _ model: () -> Any) throws -> String {
        func render() throws -> String {
            guard let rendered = library.render(TemplateValues.flatten(model()), withTemplate: template) else {
                throw Problem(.internalServerError, "The template \(template) is missing.")
            }
            return rendered
        }
        guard let key else { return try render() }
        return try fragments.value(for: key) { try render() }
    }

    /// The page as bytes, without the line breaks that sit between two tags: they carry nothing (text from people
    /// is escaped, so it never holds a bare "<" and is never touched) and dropping them saves a few hundred bytes a
    /// page. One pass over the UTF-8 bytes: Foundation's string replacement cost a measurable share of a page.
    static func withoutBreaksBetweenTags(_ html: String) -> ByteBuffer {
        var bytes = Array(html.utf8)
        var kept = 0
        for index in bytes.indices {
            let byte = bytes[index]
            // A run of breaks between two tags goes too (mustache sections leave blank lines behind).
            if byte == UInt8(ascii: "\n"), kept > 0, bytes[kept - 1] == UInt8(ascii: ">"), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "<") || bytes[index + 1] == UInt8(ascii: "\n")
            {
                continue
            }
            bytes[kept] = byte
            kept += 1
        }
        return ByteBuffer(bytes: bytes[..<kept])
    }
}
