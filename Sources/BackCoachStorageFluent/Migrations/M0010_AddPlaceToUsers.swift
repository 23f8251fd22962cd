import FluentKit

/// Where she lives and her time zone: the country picks the emergency and crisis numbers she is shown.
struct M0010_AddPlaceToUsers: AsyncMigration {
    var name: String { "0010_add_place_to_users" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("users").field("country", .string).update()
        try await database.schema("users").field("time_zone", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("time_zone").update()
        try await database.schema("users").deleteField("country").update()
    }
}
