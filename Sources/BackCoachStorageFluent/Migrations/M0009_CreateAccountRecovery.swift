import FluentKit

/// Ways back into an account: recovery codes (shown once) and password-reset links (e-mailed, one hour), both
/// kept only as hashes and usable once.
struct M0009_CreateAccountRecovery: AsyncMigration {
    var name: String { "0009_create_account_recovery" }

    func prepare(on database: any Database) async throws {
        try await database.schema("account_recovery")
            .field("secret_hash", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("expires_at", .double)
            .field("used_at", .double)
            .create()
        try await database.createIndex("account_recovery_user", on: "account_recovery", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("account_recovery").delete()
    }
}
