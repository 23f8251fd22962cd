import FluentKit
import SQLKit

/// Her PSFS rounds (weekly at most) without walking every daily check-in: progress reads her first and latest rounds.
struct M0014_IndexPSFSCheckins: AsyncMigration {
    var name: String { "0014_index_psfs_checkins" }

    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase)
            .raw("CREATE INDEX checkins_psfs ON checkins (user_id, date) WHERE psfs IS NOT NULL").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX checkins_psfs").run()
    }
}
