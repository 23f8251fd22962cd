import FluentKit

/// One check-in per user per date; the unique pair also serves as the index for date ranges.
struct M0006_CreateCheckins: AsyncMigration {
    var name: String { "0006_create_checkins" }

    func prepare(on database: any Database) async throws {
        try await database.schema("checkins")
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("pain", .int, .required)
            .field("psfs", .string)
            .field("note", .string)
            .field("updated_at", .double, .required)
            .unique(on: "user_id", "date")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("checkins").delete()
    }
}
