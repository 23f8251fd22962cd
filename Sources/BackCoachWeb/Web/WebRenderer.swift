import Foundation
import Hummingbird
import Mustache
import NIOCore

/// Renders pages from the bundled Mustache templates (loaded once at start-up).
public struct WebRenderer: Sendable {
    let library: MustacheLibrary
    let assets: Assets

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
        // Line breaks between two tags carry nothing (text from people is escaped, so it never holds a bare "<"
        // and can't be touched); dropping them saves a few hundred bytes a page.
        let html = rendered.replacingOccurrences(of: ">\n<", with: "><")
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
