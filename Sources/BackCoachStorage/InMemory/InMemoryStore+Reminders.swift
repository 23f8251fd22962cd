import BackCoachCore
import Foundation

extension InMemoryStore {
    public func reminder(for user: UserID) -> ReminderRecord? { reminders[user] }

    public func saveReminder(_ settings: ReminderSettings, nextDue: Date?, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        var record = reminders[user] ?? ReminderRecord(user: user, settings: settings, nextDue: nextDue)
        record.settings = settings
        record.nextDue = nextDue
        reminders[user] = record
    }

    public func dueReminders(at now: Date, limit: Int) -> [ReminderRecord] {
        let due = reminders.values.filter { ($0.nextDue ?? .distantFuture) <= now }
        let ordered = due.sorted { (a: ReminderRecord, b: ReminderRecord) in
            (a.nextDue!, a.user.rawValue.uuidString) < (b.nextDue!, b.user.rawValue.uuidString)
        }
        return Array(ordered.prefix(max(0, limit)))
    }

    public func claimReminder(for user: UserID, due: Date, next: Date?) -> Bool {
        guard let record = reminders[user], record.nextDue == due else { return false }
        reminders[user]?.nextDue = next
        return true
    }

    public func markReminder(for user: UserID, nudgedOn: LocalDate?, advisedOn: LocalDate?) {
        reminders[user]?.nudgedOn = nudgedOn
        reminders[user]?.advisedOn = advisedOn
    }

    public func savePushSubscription(_ subscription: PushSubscription, for user: UserID) throws {
        guard users[user] != nil else { throw StorageError.userNotFound }
        subscriptions[subscription.endpoint] = (user, subscription)
    }

    public func pushSubscriptions(for user: UserID) -> [PushSubscription] {
        subscriptions.values.filter { $0.user == user }.map(\.subscription).sorted { $0.createdAt < $1.createdAt }
    }

    public func removePushSubscription(endpoint: String, for user: UserID) -> Bool {
        guard subscriptions[endpoint]?.user == user else { return false }
        subscriptions.removeValue(forKey: endpoint)
        return true
    }

    public func removePushSubscription(endpoint: String) -> Bool {
        subscriptions.removeValue(forKey: endpoint) != nil
    }

    public func serverKey(_ name: String, proposed: String) -> String {
        if let stored = serverKeys[name] { return stored }
        serverKeys[name] = proposed
        return proposed
    }
}
