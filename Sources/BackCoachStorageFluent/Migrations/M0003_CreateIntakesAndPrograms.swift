import FluentKit

/// One row per user each: the latest intake answers and the program record, stored as JSON text
/// because they are read and written whole.
struct M0003_CreateIntakesAndPrograms: AsyncMigration {
    var name: String { "0003_create_intakes_and_programs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("intakes")
            .field("user_id", .uuid, .identifier(auto: false), .references("users", "id", onDelete: .cascade))
            .field("answers", .string, .required)
            .field("updated_at", .double, .required)
            .create()
        try await database.schema("programs")
            .field("user_id", .uuid, .identifier(auto: false), .references("users", "id", onDelete: .cascade))
            .field("record", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programs").delete()
        try await database.schema("intakes").delete()
    }
}
