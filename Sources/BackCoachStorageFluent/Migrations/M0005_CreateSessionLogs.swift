import FluentKit

struct M0005_CreateSessionLogs: AsyncMigration {
    var name: String { "0005_create_session_logs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("session_logs")
            .field("id", .uuid, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("feedback", .string, .required)
            .field("decisions", .string, .required)
            .field("created_at", .double, .required)
            .create()
        try await database.createIndex("session_logs_user_date", on: "session_logs", columns: ["user_id", "date"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("session_logs").delete()
    }
}
