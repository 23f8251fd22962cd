import BackCoachCore
import BackCoachStorage
import Foundation
import SQLKit

/// Reminders and push subscriptions. Several servers share the database: a claim is a compare-and-set on
/// `next_due`, so of two servers that both saw a reminder due, exactly one moves it on and sends.
extension FluentStore {
    public func reminder(for user: UserID) async throws -> ReminderRecord? {
        try await sql.select().columns("*").from("reminders").where("user_id", .equal, user.rawValue).first().map(Self.reminder(from:))
    }

    public func saveReminder(_ settings: ReminderSettings, nextDue: Date?, for user: UserID) async throws {
        let json = try JSONText.encode(settings)
        try await transaction { sql in
            guard try await self.lockOwner(sql, user) else { throw StorageError.userNotFound }
            try await sql.raw(
                """
                INSERT INTO reminders (user_id, settings, next_due) VALUES (\(bind: user.rawValue), \(bind: json), \
                \(bind: nextDue?.timeIntervalSince1970)) \
                ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings, next_due = excluded.next_due
                """
            ).run()
        }
    }

    public func dueReminders(at now: Date, limit: Int) async throws -> [ReminderRecord] {
        try await sql.select().columns("*").from("reminders").where(SQLColumn("next_due"), .isNot, SQLLiteral.null)
            .where("next_due", .lessThanOrEqual, now.timeIntervalSince1970).orderBy("next_due").orderBy("user_id")
            .limit(max(0, limit)).all().map(Self.reminder(from:))
    }

    public func claimReminder(for user: UserID, due: Date, next: Date?) async throws -> Bool {
        let moved = try await sql.raw(
            """
            UPDATE reminders SET next_due = \(bind: next?.timeIntervalSince1970) \
            WHERE user_id = \(bind: user.rawValue) AND next_due = \(bind: due.timeIntervalSince1970) RETURNING user_id
            """
        ).all()
        return moved.count == 1
    }

    public func markReminder(for user: UserID, nudgedOn: LocalDate?, advisedOn: LocalDate?) async throws {
        try await sql.update("reminders").set("nudged_on", to: nudgedOn?.description).set("advised_on", to: advisedOn?.description)
            .where("user_id", .equal, user.rawValue).run()
    }

    public func savePushSubscription(_ subscription: PushSubscription, for user: UserID) async throws {
        try await transaction { sql in
            guard try await self.lockOwner(sql, user) else { throw StorageError.userNotFound }
            try await sql.raw(
                """
                INSERT INTO push_subscriptions (endpoint, user_id, p256dh, auth, created_at) VALUES (\(bind: subscription.endpoint), \
                \(bind: user.rawValue), \(bind: subscription.p256dh), \(bind: subscription.auth), \
                \(bind: subscription.createdAt.timeIntervalSince1970)) \
                ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth, \
                created_at = excluded.created_at
                """
            ).run()
        }
    }

    public func pushSubscriptions(for user: UserID) async throws -> [PushSubscription] {
        try await sql.select().columns("*").from("push_subscriptions").where("user_id", .equal, user.rawValue).orderBy("created_at")
            .all().map { row in
                PushSubscription(
                    endpoint: try row.decode(column: "endpoint", as: String.self),
                    p256dh: try row.decode(column: "p256dh", as: String.self),
                    auth: try row.decode(column: "auth", as: String.self),
                    createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)))
            }
    }

    public func removePushSubscription(endpoint: String, for user: UserID) async throws -> Bool {
        try await sql.delete(from: "push_subscriptions").where("endpoint", .equal, endpoint).where("user_id", .equal, user.rawValue)
            .returning("endpoint").all().count == 1
    }

    public func removePushSubscription(endpoint: String) async throws -> Bool {
        try await sql.delete(from: "push_subscriptions").where("endpoint", .equal, endpoint).returning("endpoint").all().count == 1
    }

    public func serverKey(_ name: String, proposed: String) async throws -> String {
        try await sql.raw("INSERT INTO server_keys (name, value) VALUES (\(bind: name), \(bind: proposed)) ON CONFLICT (name) DO NOTHING")
            .run()
        let row = try await sql.select().column("value").from("server_keys").where("name", .equal, name).first()
        return try row?.decode(column: "value", as: String.self) ?? proposed
    }

    static func reminder(from row: any SQLRow) throws -> ReminderRecord {
        ReminderRecord(
            user: UserID(try row.decode(column: "user_id", as: UUID.self)),
            settings: try JSONText.decode(ReminderSettings.self, row.decode(column: "settings", as: String.self)),
            nextDue: try row.decode(column: "next_due", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
            nudgedOn: try row.decode(column: "nudged_on", as: String?.self).flatMap(LocalDate.init),
            advisedOn: try row.decode(column: "advised_on", as: String?.self).flatMap(LocalDate.init))
    }
}
