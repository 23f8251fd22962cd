import Foundation

/// How reminders leave the server: the outbound client, the contact push services may write to, and whether plain
/// http on loopback is allowed (`BACKCOACH_PUSH_ALLOW_LOOPBACK`, for tests and a local push service only).
public struct PushSettings: Sendable {
    public var transport: any PushTransport
    /// A `mailto:` or `https:` address; nil: the public address when it is https, else a placeholder mailbox.
    public var contact: String?
    public var allowLoopbackEndpoints: Bool

    public init(transport: any PushTransport = NoPushTransport(), contact: String? = nil, allowLoopbackEndpoints: Bool = false) {
        self.transport = transport
        self.contact = contact
        self.allowLoopbackEndpoints = allowLoopbackEndpoints
    }

    func contact(publicBaseURL: String) -> String {
        if let contact { return contact }
        return publicBaseURL.lowercased().hasPrefix("https:") ? publicBaseURL : "mailto:reminders@localhost"
    }
}

/// For tools and tests that never push: every delivery fails, and says why.
public struct NoPushTransport: PushTransport {
    public init() {}

    public func post(to url: URL, headers: [(String, String)], body: Data) async throws -> Int {
        throw NoPush()
    }

    struct NoPush: Error, CustomStringConvertible {
        var description: String { "this process sends no push messages" }
    }
}
