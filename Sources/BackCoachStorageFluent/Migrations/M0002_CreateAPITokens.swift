import FluentKit

struct M0002_CreateAPITokens: AsyncMigration {
    var name: String { "0002_create_api_tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .field("token_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .double, .required)
            .create()
        try await database.createIndex("api_tokens_user", on: "api_tokens", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
