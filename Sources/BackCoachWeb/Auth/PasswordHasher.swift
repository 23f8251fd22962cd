import HummingbirdBcrypt
import NIOPosix

/// bcrypt on the thread pool, so hashing (about a quarter of a second at cost 12) never blocks the event loop.
public struct PasswordHasher: Sendable {
    public let cost: UInt8

    /// The server refuses a cost below 12 (`AppConfig`); tests may use a lower one for speed.
    public init(cost: UInt8) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Does the same work as a verify (a verify is a hash with the stored salt), so an unknown e-mail
    /// takes as long as a wrong password and response times reveal nothing.
    public func burnTime(_ password: String) async throws {
        _ = try await hash(password)
    }
}
