import BackCoachStorage
import Foundation

/// Each test app counts sign-in attempts as if from an address of its own. In-process requests have no peer address,
/// so every app's requests share "unknown"; on the PostgreSQL store, which every test (and every earlier run within
/// the window of the test clock) shares, wrong passwords from other tests added up until a right one got 429.
struct OwnAddressThrottleStore: ThrottleStore {
    let store: any ThrottleStore
    private let prefix = "test-\(UUID().uuidString):"

    init(_ store: any ThrottleStore) { self.store = store }

    func recordAttempt(_ id: UUID, key: String, now: Date, window: TimeInterval) async throws -> [Date] {
        try await store.recordAttempt(id, key: prefix + key, now: now, window: window)
    }

    func forgetAttempts(_ ids: [UUID]) async throws { try await store.forgetAttempts(ids) }

    func failures(key: String, now: Date, window: TimeInterval) async throws -> [Date] {
        try await store.failures(key: prefix + key, now: now, window: window)
    }

    func clearFailures(key: String) async throws { try await store.clearFailures(key: prefix + key) }
}
