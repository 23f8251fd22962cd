import FluentKit
import SQLKit

/// Reminder settings and when each is next due, the browsers' push subscriptions, and keys every app server shares
/// (the VAPID key pair).
struct M0016_CreateReminders: AsyncMigration {
    var name: String { "0016_create_reminders" }

    func prepare(on database: any Database) async throws {
        try await database.schema("reminders")
            .field("user_id", .uuid, .identifier(auto: false), .references("users", "id", onDelete: .cascade))
            .field("settings", .string, .required)
            .field("next_due", .double)
            .field("nudged_on", .string)
            .field("advised_on", .string)
            .create()
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX reminders_due ON reminders (next_due) WHERE next_due IS NOT NULL").run()
        try await database.schema("push_subscriptions")
            .field("endpoint", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("p256dh", .string, .required)
            .field("auth", .string, .required)
            .field("created_at", .double, .required)
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id)").run()
        try await database.schema("server_keys")
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("server_keys").delete()
        try await database.schema("push_subscriptions").delete()
        try await database.schema("reminders").delete()
    }
}
