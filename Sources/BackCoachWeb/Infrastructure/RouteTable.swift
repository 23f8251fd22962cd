import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The app's paths and the methods each one answers, so a request with the wrong method gets
/// 405 Method Not Allowed with an `Allow` header instead of a misleading 404.
public final class RouteTable: Sendable {
    private struct Entry: Sendable {
        let segments: [String]
        let methods: Set<String>
    }

    private let entries: Mutex<[Entry]> = Mutex([])

    public init() {}

    /// Called once the router has every route.
    func load(_ routes: [(method: HTTPRequest.Method, segments: [String])]) {
        var byPath: [[String]: Set<String>] = [:]
        for route in routes {
            byPath[route.segments, default: []].insert(route.method.rawValue)
            if route.method == .get { byPath[route.segments, default: []].insert("HEAD") }
        }
        entries.withLock { $0 = byPath.map { Entry(segments: $0.key, methods: $0.value) } }
    }

    /// The methods allowed on `path`, or nil when no route has this path at all.
    func allowedMethods(for path: String) -> Set<String>? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let matched = entries.withLock { entries in entries.filter { Self.matches($0.segments, parts) } }
        return matched.isEmpty ? nil : matched.reduce(into: Set<String>()) { $0.formUnion($1.methods) }
    }

    private static func matches(_ pattern: [String], _ parts: [String]) -> Bool {
        if pattern.last == "**" { return parts.count >= pattern.count - 1 && zip(pattern.dropLast(), parts).allSatisfy(segmentMatches) }
        return pattern.count == parts.count && zip(pattern, parts).allSatisfy(segmentMatches)
    }

    private static func segmentMatches(_ pattern: String, _ part: String) -> Bool {
        pattern == part || pattern == "*" || pattern.hasPrefix(":") || pattern.hasPrefix("{")
    }
}
