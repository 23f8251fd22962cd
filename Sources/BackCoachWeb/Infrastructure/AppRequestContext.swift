import BackCoachStorage
import Hummingbird
import NIOCore

/// Per-request state: the signed-in user (set by `TokenAuthenticator`) and the peer address for throttling.
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

    /// Request bodies over 64 KB are refused with 413 before they are read whole.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The signed-in user; routes behind `TokenAuthenticator` always have one.
    func requireUser() throws -> User {
        guard let user else { throw Problem.unauthorized }
        return user
    }
}
