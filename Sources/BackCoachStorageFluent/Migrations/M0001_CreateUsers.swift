import FluentKit

struct M0001_CreateUsers: AsyncMigration {
    var name: String { "0001_create_users" }

    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .field("id", .uuid, .identifier(auto: false))
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("calendar_secret", .string, .required)
            .field("pain_ceiling", .int)
            .field("created_at", .double, .required)
            .unique(on: "email")
            .unique(on: "calendar_secret")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
