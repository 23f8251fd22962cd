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
            guard let url = folder?.appendingPathComponent(name), let data = try? Data(contentsOf: url) else { continue }
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
