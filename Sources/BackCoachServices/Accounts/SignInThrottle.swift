import BackCoachStorage
import Foundation

/// Slows down password guessing: at most `maxPerAccount` guesses for one account and `maxPerAddress` from one
/// address are checked within the window; past that, sign-in is refused with a wait until the oldest leaves it.
/// Every attempt is counted before its password is checked, so guesses sent all at once can't slip past the count;
/// one refused unchecked is taken back at once, and a right one too, so neither locks anybody out for longer.
/// Attempts live in storage, so every app server sees the same counts.
public struct SignInThrottle: Sendable {
    public let store: any ThrottleStore
    public let window: TimeInterval
    /// Guesses at one account from one address: the hard limit.
    public let maxPerAccount: Int
    public let maxPerAddress: Int
    /// Guesses at one account from anywhere: higher, so that strangers guessing from other addresses can't lock her out
    /// as easily as five wrong passwords once did, but still a ceiling on a spread-out attack.
    public let maxPerAccountEverywhere: Int
    /// New accounts from one address within an hour; the ones past it are refused.
    public let signUpsPerAddressPerHour: Int

    public init(
        store: any ThrottleStore, window: TimeInterval = 15 * 60, maxPerAccount: Int = 5, maxPerAddress: Int = 20,
        maxPerAccountEverywhere: Int = 50, signUpsPerAddressPerHour: Int = 10
    ) {
        self.signUpsPerAddressPerHour = signUpsPerAddressPerHour
        self.store = store
        self.window = window
        self.maxPerAccount = maxPerAccount
        self.maxPerAddress = maxPerAddress
        self.maxPerAccountEverywhere = maxPerAccountEverywhere
    }

    /// One sign-in attempt, counted: `succeeded()` or `failed()` closes it.
    public struct Attempt: Sendable {
        let throttle: SignInThrottle
        let ids: [UUID]
        let email: String
        let address: String

        /// A right password: the attempt counts against no one, and the account's counts start again.
        func succeeded() async throws {
            try await throttle.store.forgetAttempts(ids)
            try await throttle.store.clearFailures(key: SignInThrottle.accountKey(email))
            try await throttle.store.clearFailures(key: "pair:\(email)|\(address)")
        }
    }

    static func accountKey(_ email: String) -> String { "account:\(email)" }

    /// Counts the attempt under each key, then refuses it unchecked when any is over its limit. A browser that
    /// signed in to this account before (`knownDevice`) is held only by its own limits, never by the account-wide
    /// one, so strangers guessing from elsewhere can't lock her out of her own phone.
    func begin(email: String, address: String, knownDevice: Bool = false, now: Date) async throws -> Attempt {
        var keys = [("pair:\(email)|\(address)", maxPerAccount), ("address:\(address)", maxPerAddress)]
        if !knownDevice { keys.append((Self.accountKey(email), maxPerAccountEverywhere)) }
        var ids: [UUID] = []
        var refusal: ServiceError?
        for (key, limit) in keys {
            let id = UUID()
            ids.append(id)
            let attempts = try await store.recordAttempt(id, key: key, now: now, window: window)
            if attempts.count > limit, refusal == nil, let oldest = attempts.first {
                let wait = max(1, Int((oldest.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
                refusal = ServiceError(
                    .tooManyRequests, "Too many sign-in attempts. Please wait \(Self.describe(seconds: wait)) and try again.",
                    retryAfterSeconds: wait)
            }
        }
        if let refusal {
            try await store.forgetAttempts(ids)
            throw refusal
        }
        return Attempt(throttle: self, ids: ids, email: email, address: address)
    }

    /// Counts a sign-up from `address`; refuses it past the hourly limit.
    func countSignUp(address: String, now: Date) async throws {
        let attempts = try await store.recordAttempt(UUID(), key: "signup:\(address)", now: now, window: 3600)
        guard attempts.count > signUpsPerAddressPerHour, let oldest = attempts.first else { return }
        let wait = max(1, Int((oldest.addingTimeInterval(3600).timeIntervalSince(now)).rounded(.up)))
        throw ServiceError(
            .tooManyRequests, "Too many new accounts from this network. Please wait \(Self.describe(seconds: wait)) and try again.",
            retryAfterSeconds: wait)
    }

    /// Sharing codes tried by one clinician in an hour: enough for typing mistakes, far too few to guess one.
    static let shareCodesPerHour = 10

    func countShareCode(clinician: UserID, now: Date) async throws {
        let attempts = try await store.recordAttempt(UUID(), key: "share-code:\(clinician)", now: now, window: 3600)
        guard attempts.count > Self.shareCodesPerHour, let oldest = attempts.first else { return }
        let wait = max(1, Int((oldest.addingTimeInterval(3600).timeIntervalSince(now)).rounded(.up)))
        throw ServiceError(
            .tooManyRequests, "Too many sharing codes tried. Please wait \(Self.describe(seconds: wait)) and try again.",
            retryAfterSeconds: wait)
    }

    static func describe(seconds: Int) -> String {
        seconds < 90 ? "\(seconds) seconds" : "\((seconds + 59) / 60) minutes"
    }
}
