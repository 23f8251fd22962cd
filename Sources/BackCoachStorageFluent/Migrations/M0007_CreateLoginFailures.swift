import FluentKit

/// Failed sign-ins, per account and per address, so throttling works across app servers.
struct M0007_CreateLoginFailures: AsyncMigration {
    var name: String { "0007_create_login_failures" }

    func prepare(on database: any Database) async throws {
        try await database.schema("login_failures")
            .field("id", .uuid, .identifier(auto: false))
            .field("key", .string, .required)
            .field("at", .double, .required)
            .create()
        try await database.createIndex("login_failures_key_at", on: "login_failures", columns: ["key", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("login_failures").delete()
    }
}
