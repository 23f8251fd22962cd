import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

/// Reminders: kept with their marks, found when due, and each due moment claimed by one caller only; push
/// subscriptions one per endpoint; a server key stored once whoever proposes it first.
extension StoreContract {
    static let reminderSettings = ReminderSettings(
        enabled: true, days: [0, 2, 4], time: 8 * 60 + 30, quietFrom: 22 * 60, quietUntil: 7 * 60)

    static func reminders(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        #expect(try await store.reminder(for: user.id) == nil)
        let due = now.addingTimeInterval(60)
        try await store.saveReminder(reminderSettings, nextDue: due, for: user.id)
        #expect(try await store.reminder(for: user.id) == ReminderRecord(user: user.id, settings: reminderSettings, nextDue: due))
        func mine(at moment: Date) async throws -> [ReminderRecord] {
            try await store.dueReminders(at: moment, limit: 10_000).filter { $0.user == user.id }
        }
        #expect(try await mine(at: now).isEmpty, "not due a minute early")
        #expect(try await mine(at: due).map(\.nextDue) == [due])

        // Ten callers (servers, retries) at once: one moves it on, the others see it gone.
        let next = due.addingTimeInterval(86_400)
        let claims = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 { group.addTask { try await store.claimReminder(for: user.id, due: due, next: next) } }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(claims.filter { $0 }.count == 1)
        #expect(try await mine(at: due).isEmpty)
        #expect(try await store.reminder(for: user.id)?.nextDue == next)

        try await store.markReminder(for: user.id, nudgedOn: day, advisedOn: nil)
        var changed = reminderSettings
        changed.time = 19 * 60
        try await store.saveReminder(changed, nextDue: nil, for: user.id)
        let stored = try await store.reminder(for: user.id)
        #expect(stored?.settings == changed && stored?.nextDue == nil)
        #expect(stored?.nudgedOn == day && stored?.advisedOn == nil, "saving settings keeps what was said")
        #expect(try await store.claimReminder(for: user.id, due: next, next: nil) == false, "off: nothing to claim")

        await #expect(throws: StorageError.userNotFound) {
            try await store.saveReminder(reminderSettings, nextDue: due, for: UserID())
        }
        _ = try await store.deleteUser(user.id)
        #expect(try await store.reminder(for: user.id) == nil)
    }

    static func pushSubscriptions(_ store: any BackCoachStore) async throws {
        let user = try await newUser(store)
        let other = try await newUser(store)
        let endpoint = "https://push.example.test/\(UUID())"
        let subscription = PushSubscription(endpoint: endpoint, p256dh: "key-a", auth: "auth-a", createdAt: now)
        try await store.savePushSubscription(subscription, for: user.id)
        try await store.savePushSubscription(
            PushSubscription(endpoint: endpoint + "/2", p256dh: "key-b", auth: "auth-b", createdAt: now.addingTimeInterval(1)), for: user.id
        )
        #expect(try await store.pushSubscriptions(for: user.id).map(\.endpoint) == [endpoint, endpoint + "/2"])
        #expect(try await store.pushSubscriptions(for: user.id).first == subscription)

        // The same browser signed in to another account: the endpoint follows the last one.
        try await store.savePushSubscription(
            PushSubscription(endpoint: endpoint, p256dh: "key-c", auth: "auth-c", createdAt: now.addingTimeInterval(2)), for: other.id)
        #expect(try await store.pushSubscriptions(for: user.id).map(\.endpoint) == [endpoint + "/2"])
        #expect(try await store.pushSubscriptions(for: other.id).map(\.p256dh) == ["key-c"])

        #expect(try await store.removePushSubscription(endpoint: endpoint, for: user.id) == false, "not hers any more")
        #expect(try await store.removePushSubscription(endpoint: endpoint, for: other.id) == true)
        #expect(try await store.removePushSubscription(endpoint: endpoint + "/2") == true, "gone at the push service")
        #expect(try await store.removePushSubscription(endpoint: endpoint + "/2") == false)
        #expect(try await store.pushSubscriptions(for: user.id).isEmpty)

        await #expect(throws: StorageError.userNotFound) { try await store.savePushSubscription(subscription, for: UserID()) }
        try await store.savePushSubscription(subscription, for: user.id)
        _ = try await store.deleteUser(user.id)
        #expect(try await store.removePushSubscription(endpoint: endpoint) == false, "erasure took it")
    }

    static func serverKeyStoredOnce(_ store: any BackCoachStore) async throws {
        let name = "test-key-\(UUID())"
        let kept = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<8 { group.addTask { try await store.serverKey(name, proposed: "proposal-\(index)") } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(kept.count == 1)
        #expect(try await store.serverKey(name, proposed: "later") == kept.first)
    }
}
