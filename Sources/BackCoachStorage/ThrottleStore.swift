import Foundation

/// Failed sign-in attempts, kept in storage so several app servers share one view.
public protocol ThrottleStore: Sendable {
    /// Records a failure for `key` and returns the failures within `window` before `now`, oldest first.
    func recordFailure(key: String, now: Date, window: TimeInterval) async throws -> [Date]
    /// Failures within `window` before `now`, oldest first.
    func failures(key: String, now: Date, window: TimeInterval) async throws -> [Date]
    func clearFailures(key: String) async throws
}

/// Everything the app stores. Adapters implement all three; handlers ask only for the part they need.
public typealias BackCoachStore = AccountStore & HealthRecordStore & ThrottleStore
