import Crypto
import Foundation
import Hummingbird
import NIOCore

/// The app's own CSS, JS, icons, manifest and service worker, served from the bundle. Each URL carries a short
/// hash of the file, so a changed file gets a new URL and an unchanged one can be cached for a year.
public struct Assets: Sendable {
    struct Asset: Sendable {
        let bytes: ByteBuffer
        let contentType: String
        let version: String
    }

    let files: [String: Asset]

    public static let bundled = Assets()

    init() {
        var files: [String: Asset] = [:]
        let folder = Bundle.module.url(forResource: "public", withExtension: nil)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder?.path ?? "")) ?? [] {
            guard let url = folder?.appendingPathComponent(name), let raw = try? Data(contentsOf: url) else { continue }
            let data = Self.minified(raw, name: name)
            let version = SHA256.hash(data: data).prefix(5).map { String(format: "%02x", $0) }.joined()
            files[name] = Asset(bytes: ByteBuffer(bytes: data), contentType: Self.contentType(name), version: version)
        }
        self.files = files
    }

    /// `/assets/app.css?v=1a2b3c4d5e`
    func url(_ name: String) -> String { "/assets/\(name)?v=\(files[name]?.version ?? "0")" }

    /// Total bytes of the named files (for page-weight checks).
    func size(_ names: [String]) -> Int { names.compactMap { files[$0]?.bytes.readableBytes }.reduce(0, +) }

    func response(_ name: String, versioned: Bool) -> Response? {
        guard let asset = files[name] else { return nil }
        let cache = versioned ? "public, max-age=31536000, immutable" : "no-cache"
        return Response(
            status: .ok, headers: [.contentType: asset.contentType, .cacheControl: cache], body: .init(byteBuffer: asset.bytes))
    }

    /// Our own CSS and JS are written to be read; they are sent without comment lines and indentation.
    /// (Safe for these hand-written files: no multi-line strings, and `//` comments only on their own lines.)
    static func minified(_ data: Data, name: String) -> Data {
        guard name.hasSuffix(".js") || name.hasSuffix(".css") else { return data }
        var text = String(decoding: data, as: UTF8.self)
        if name.hasSuffix(".css") {
            text = text.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("//") }
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "webmanifest": "application/manifest+json"
        default: "application/octet-stream"
        }
    }
}
