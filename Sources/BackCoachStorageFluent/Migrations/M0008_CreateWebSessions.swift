import FluentKit

/// Signed-in browsers, kept in the database so any app server can serve any request.
struct M0008_CreateWebSessions: AsyncMigration {
    var name: String { "0008_create_web_sessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema("web_sessions")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("expires_at", .double, .required)
            .create()
        try await database.createIndex("web_sessions_user", on: "web_sessions", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("web_sessions").delete()
    }
}
