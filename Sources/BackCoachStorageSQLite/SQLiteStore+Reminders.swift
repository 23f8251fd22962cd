import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Reminders and push subscriptions. One process writes the file, so a claim is a compare-and-set on `next_due`.
extension SQLiteStore {
    public func reminder(for user: UserID) async throws -> ReminderRecord? {
        try readOneStatement { db in try db.row("SELECT * FROM reminders WHERE user_id = ?", [user.text]).map(Self.reminder(from:)) }
    }

    public func saveReminder(_ settings: ReminderSettings, nextDue: Date?, for user: UserID) async throws {
        let json = try JSONText.encode(settings)
        try await writeOwned(user) { db in
            try db.run(
                """
                INSERT INTO reminders (user_id, settings, next_due) VALUES (?, ?, ?) \
                ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings, next_due = excluded.next_due
                """, [user.text, json, nextDue?.timeIntervalSince1970])
        }
    }

    public func dueReminders(at now: Date, limit: Int) async throws -> [ReminderRecord] {
        try readOneStatement { db in
            try db.rows(
                "SELECT * FROM reminders WHERE next_due IS NOT NULL AND next_due <= ? ORDER BY next_due, user_id LIMIT ?",
                [now.timeIntervalSince1970, max(0, limit)]
            ).map(Self.reminder(from:))
        }
    }

    public func claimReminder(for user: UserID, due: Date, next: Date?) async throws -> Bool {
        try await write { db in
            try db.run(
                "UPDATE reminders SET next_due = ? WHERE user_id = ? AND next_due = ?",
                [next?.timeIntervalSince1970, user.text, due.timeIntervalSince1970])
            return db.changesCount == 1
        }
    }

    public func markReminder(for user: UserID, nudgedOn: LocalDate?, advisedOn: LocalDate?) async throws {
        try await write { db in
            try db.run(
                "UPDATE reminders SET nudged_on = ?, advised_on = ? WHERE user_id = ?",
                [nudgedOn?.description, advisedOn?.description, user.text])
        }
    }

    public func savePushSubscription(_ subscription: PushSubscription, for user: UserID) async throws {
        try await writeOwned(user) { db in
            try db.run(
                """
                INSERT INTO push_subscriptions (endpoint, user_id, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?) \
                ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth, \
                created_at = excluded.created_at
                """,
                [
                    subscription.endpoint, user.text, subscription.p256dh, subscription.auth,
                    subscription.createdAt.timeIntervalSince1970,
                ])
        }
    }

    public func pushSubscriptions(for user: UserID) async throws -> [PushSubscription] {
        try readOneStatement { db in
            try db.rows("SELECT * FROM push_subscriptions WHERE user_id = ? ORDER BY created_at", [user.text]).map { row in
                PushSubscription(
                    endpoint: try row.value("endpoint"), p256dh: try row.value("p256dh"), auth: try row.value("auth"),
                    createdAt: Date(timeIntervalSince1970: try row.value("created_at")))
            }
        }
    }

    public func removePushSubscription(endpoint: String, for user: UserID) async throws -> Bool {
        try await write { db in
            try db.run("DELETE FROM push_subscriptions WHERE endpoint = ? AND user_id = ?", [endpoint, user.text])
            return db.changesCount == 1
        }
    }

    public func removePushSubscription(endpoint: String) async throws -> Bool {
        try await write { db in
            try db.run("DELETE FROM push_subscriptions WHERE endpoint = ?", [endpoint])
            return db.changesCount == 1
        }
    }

    public func serverKey(_ name: String, proposed: String) async throws -> String {
        try await write { db in
            try db.run("INSERT INTO server_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", [name, proposed])
            return try db.row("SELECT value FROM server_keys WHERE name = ?", [name])?.value("value") ?? proposed
        }
    }

    static func reminder(from row: Row) throws -> ReminderRecord {
        ReminderRecord(
            user: UserID(try row.value("user_id") as UUID),
            settings: try JSONText.decode(ReminderSettings.self, row.value("settings")),
            nextDue: try (row.value("next_due") as Double?).map(Date.init(timeIntervalSince1970:)),
            nudgedOn: try (row.value("nudged_on") as String?).flatMap(LocalDate.init),
            advisedOn: try (row.value("advised_on") as String?).flatMap(LocalDate.init))
    }
}
