import FluentKit

/// Shares between a mother and a clinician (an invitation until a clinician redeems its code), and her care-team log:
/// every view and change a clinician made.
struct M0013_CreateShares: AsyncMigration {
    var name: String { "0013_create_shares" }

    func prepare(on database: any Database) async throws {
        try await database.schema("shares")
            .field("id", .uuid, .identifier(auto: false))
            .field("client_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("clinician_id", .uuid, .references("users", "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("created_at", .double, .required)
            .field("expires_at", .double, .required)
            .field("accepted_at", .double)
            .field("revoked_at", .double)
            .unique(on: "code_hash")
            .create()
        try await database.createIndex("shares_client", on: "shares", columns: ["client_id"])
        try await database.createIndex("shares_clinician", on: "shares", columns: ["clinician_id"])
        try await database.schema("care_events")
            .field("id", .uuid, .identifier(auto: false))
            .field("share_id", .uuid, .required, .references("shares", "id", onDelete: .cascade))
            .field("client_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("clinician_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("at", .double, .required)
            .field("kind", .string, .required)
            .field("summary", .string, .required)
            .field("reason", .string)
            .create()
        try await database.createIndex("care_events_client", on: "care_events", columns: ["client_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("care_events").delete()
        try await database.schema("shares").delete()
    }
}
