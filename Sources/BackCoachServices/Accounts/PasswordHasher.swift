import Crypto
import Foundation
import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// bcrypt on a small thread pool of its own (about a quarter of a second per hash at cost 12). Its own pool, so
/// that a burst of sign-ups queues here and never delays the database work that shares NIO's default pool.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    /// One password whose hash is already known (see `remembering`).
    private var known: (password: String, hash: String)?

    /// Half the cores, at least one: hashing can't take the whole machine.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount / 2))
        pool.start()
        return pool
    }()

    /// The server refuses a cost below 12 (`AppConfig`); tests may use a lower one for speed.
    public init(cost: UInt8) {
        self.cost = cost
    }

    /// bcrypt reads at most 72 bytes and stops at a NUL, so a long passphrase would be cut short. New hashes are
    /// bcrypt over the base64 of the password's SHA-256 (44 bytes), marked with this prefix; hashes without it are
    /// the older plain bcrypt, still verified, and replaced at the next good sign-in (`needsUpgrade`).
    static let prehashedPrefix = "sha256-bcrypt:"

    static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    public func hash(_ password: String) async throws -> String {
        if let known, known.password == password { return known.hash }
        let input = Self.prehash(password)
        return Self.prehashedPrefix + (try await Self.pool.runIfActive { Bcrypt.hash(input, cost: cost) })
    }

    /// A hash in the older form, to be replaced once she signs in with the right password.
    public static func needsUpgrade(_ hash: String) -> Bool { !hash.hasPrefix(prehashedPrefix) }

    /// A hasher that hashes `password` once and then answers with that hash: for seeding thousands of made-up
    /// accounts that share one password (at cost 12, a hash each would take minutes and prove nothing).
    public func remembering(_ password: String) async throws -> PasswordHasher {
        var copy = self
        copy.known = (password, try await hash(password))
        return copy
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        guard hash.hasPrefix(Self.prehashedPrefix) else {
            return try await Self.pool.runIfActive { Bcrypt.verify(password, hash: hash) }
        }
        let input = Self.prehash(password)
        let stored = String(hash.dropFirst(Self.prehashedPrefix.count))
        return try await Self.pool.runIfActive { Bcrypt.verify(input, hash: stored) }
    }

    /// Does the same work as a verify (a verify is a hash with the stored salt), so an unknown e-mail
    /// takes as long as a wrong password and response times reveal nothing.
    public func burnTime(_ password: String) async throws {
        _ = try await hash(password)
    }
}
