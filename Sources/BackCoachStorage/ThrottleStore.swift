import Foundation

/// Failed sign-in attempts, kept in storage so several app servers share one view.
public protocol ThrottleStore: Sendable {
    /// Counts an attempt for `key` before its password is checked, and returns the attempts within `window` up to
    /// `now`, this one included, oldest first. Counting first is what makes the limit hold under concurrency: the
    /// k-th attempt to be stored always sees at least k.
    func recordAttempt(_ id: UUID, key: String, now: Date, window: TimeInterval) async throws -> [Date]
    /// Takes back attempts that were refused unchecked or turned out right, so they count against nobody.
    func forgetAttempts(_ ids: [UUID]) async throws
    /// Failures within `window` before `now`, oldest first.
    func failures(key: String, now: Date, window: TimeInterval) async throws -> [Date]
    func clearFailures(key: String) async throws
}

/// Everything the app stores. Adapters implement every part; handlers ask only for the part they need.
public typealias BackCoachStore = AccountStore & HealthRecordStore & IntakeDraftStore & ThrottleStore & CareTeamStore & ReminderStore
