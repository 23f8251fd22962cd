import BackCoachStorage
import Hummingbird
import NIOCore

/// Per-request state for the web pages: the signed-in user and browser session (set by `WebSessionMiddleware`) and
/// the peer address for throttling. API handlers get theirs from `APICall`.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public var user: User?
    /// The signed-in browser's session (web pages only), with its CSRF token.
    public var webSession: WebSession?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.user = nil
        self.webSession = nil
    }

    /// The caller's IP address, which per-address limits count by; "unknown" for a connection without one (requests
    /// made in-process, as the tests make them).
    public var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }

    /// Request bodies over 64 KB are refused with 413 before they are read whole.
    public var maxUploadSize: Int { 64 * 1024 }
}
