import Foundation

/// One HTTP POST to a push service (RFC 8030 §5): the app's outbound HTTP client, behind a protocol so the service
/// layer names no HTTP library and tests can stand in a push service of their own.
public protocol PushTransport: Sendable {
    /// Sends `body` to `url` and returns the push service's status code.
    func post(to url: URL, headers: [(String, String)], body: Data) async throws -> Int
}
