import FluentKit

/// The web wizard's answers so far, one row per person (JSON text, read and written whole).
struct M0011_CreateIntakeDrafts: AsyncMigration {
    var name: String { "0011_create_intake_drafts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("intake_drafts")
            .field("user_id", .uuid, .identifier(auto: false), .references("users", "id", onDelete: .cascade))
            .field("draft", .string, .required)
            .field("updated_at", .double, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("intake_drafts").delete()
    }
}
