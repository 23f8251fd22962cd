import FluentKit
import SQLKit

/// Her check-ins' (user, date) key carries the pain score too, so weekly pain and her first day are read from the
/// index alone. The unique index takes over from the constraint `M0006` made (an upsert's `ON CONFLICT (user_id, date)`
/// finds either).
struct M0017_KeyCheckinsByDay: AsyncMigration {
    var name: String { "0017_key_checkins_by_day" }
    private static let constraint = "\"uq:checkins.user_id+checkins.date\""

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE UNIQUE INDEX checkins_by_day ON checkins (user_id, date) INCLUDE (pain)").run()
        try await sql.raw("ALTER TABLE checkins DROP CONSTRAINT \(unsafeRaw: Self.constraint)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE checkins ADD CONSTRAINT \(unsafeRaw: Self.constraint) UNIQUE (user_id, date)").run()
        try await sql.raw("DROP INDEX checkins_by_day").run()
    }
}
