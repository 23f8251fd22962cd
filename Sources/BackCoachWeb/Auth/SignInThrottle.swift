import BackCoachStorage
import Foundation
import Hummingbird

/// Slows down password guessing: after too many failures for one account or one address within the
/// window, sign-in answers 429 with Retry-After until the oldest failure leaves the window.
/// Failures live in storage, so every app server sees the same counts.
public struct SignInThrottle: Sendable {
    public let store: any ThrottleStore
    public let window: TimeInterval
    public let maxPerAccount: Int
    public let maxPerAddress: Int

    public init(store: any ThrottleStore, window: TimeInterval = 15 * 60, maxPerAccount: Int = 5, maxPerAddress: Int = 20) {
        self.store = store
        self.window = window
        self.maxPerAccount = maxPerAccount
        self.maxPerAddress = maxPerAddress
    }

    func keys(email: String, address: String) -> [(key: String, limit: Int)] {
        [("account:\(email)", maxPerAccount), ("address:\(address)", maxPerAddress)]
    }

    /// Throws 429 when either key is at its limit.
    func check(email: String, address: String, now: Date) async throws {
        for (key, limit) in keys(email: email, address: address) {
            let failures = try await store.failures(key: key, now: now, window: window)
            if failures.count >= limit, let oldest = failures.first {
                let wait = max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
                throw Problem(
                    .tooManyRequests, "Too many sign-in attempts. Please wait \(Self.describe(seconds: wait)) and try again.",
                    headers: [.retryAfter: String(wait)])
            }
        }
    }

    func recordFailure(email: String, address: String, now: Date) async throws {
        for (key, _) in keys(email: email, address: address) {
            _ = try await store.recordFailure(key: key, now: now, window: window)
        }
    }

    /// A correct password clears the account's count (the address keeps its own).
    func recordSuccess(email: String) async throws {
        try await store.clearFailures(key: "account:\(email)")
    }

    static func describe(seconds: Int) -> String {
        seconds < 90 ? "\(seconds) seconds" : "\((seconds + 59) / 60) minutes"
    }
}
