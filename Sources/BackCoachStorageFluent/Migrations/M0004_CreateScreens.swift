import FluentKit

struct M0004_CreateScreens: AsyncMigration {
    var name: String { "0004_create_screens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("screens")
            .field("id", .uuid, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("red_flags", .string, .required)
            .field("level", .string, .required)
            .field("created_at", .double, .required)
            .create()
        try await database.createIndex("screens_user_date", on: "screens", columns: ["user_id", "date"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("screens").delete()
    }
}
