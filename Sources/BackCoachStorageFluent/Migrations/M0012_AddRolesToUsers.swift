import FluentKit
import SQLKit

/// Clinician accounts: a role on every account (existing ones are mothers' own), and a clinician's name and profession.
struct M0012_AddRolesToUsers: AsyncMigration {
    var name: String { "0012_add_roles_to_users" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema("users").field("role", .string, .required, .sql(.default("client"))).update()
        try await database.schema("users").field("display_name", .string).update()
        try await database.schema("users").field("profession", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("profession").update()
        try await database.schema("users").deleteField("display_name").update()
        try await database.schema("users").deleteField("role").update()
    }
}
