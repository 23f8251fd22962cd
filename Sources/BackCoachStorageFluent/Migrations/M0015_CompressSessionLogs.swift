import BackCoachCore
import BackCoachStorage
import FluentKit
import Foundation
import SQLKit

/// Session logs from two JSON text columns into one compressed value (`SessionLogCoding`), and back on revert.
/// Rows are rewritten a page at a time, in id order, so a large database needs little memory.
struct M0015_CompressSessionLogs: AsyncMigration {
    var name: String { "0015_compress_session_logs" }
    static let page = 500

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE session_logs ADD COLUMN log BYTEA").run()
        try await Self.rewrite(sql, columns: "feedback, decisions") { row in
            let log = try SessionLogCoding.encode(
                feedback: try JSONText.decode([ExerciseFeedback].self, row.decode(column: "feedback", as: String.self)),
                decisions: try JSONText.decode([ProgressionDecision].self, row.decode(column: "decisions", as: String.self)))
            return "log = \(bind: log)"
        }
        try await sql.raw("ALTER TABLE session_logs DROP COLUMN feedback, DROP COLUMN decisions").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw(
            "ALTER TABLE session_logs ADD COLUMN feedback TEXT NOT NULL DEFAULT '', ADD COLUMN decisions TEXT NOT NULL DEFAULT ''"
        ).run()
        try await Self.rewrite(sql, columns: "log") { row in
            let contents = try SessionLogCoding.decode(try row.decode(column: "log", as: Data.self))
            return
                "feedback = \(bind: try JSONText.encode(contents.feedback)), decisions = \(bind: try JSONText.encode(contents.decisions))"
        }
        try await sql.raw("ALTER TABLE session_logs DROP COLUMN log").run()
    }

    /// Sets what `assignment` says on every row, reading `columns` a page at a time.
    private static func rewrite(
        _ sql: any SQLDatabase, columns: String, _ assignment: (any SQLRow) throws -> SQLQueryString
    ) async throws {
        var after = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        while true {
            let rows = try await sql.raw(
                "SELECT id, \(unsafeRaw: columns) FROM session_logs WHERE id > \(bind: after) ORDER BY id LIMIT \(literal: page)"
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                try await sql.raw("UPDATE session_logs SET \(try assignment(row)) WHERE id = \(bind: id)").run()
            }
            guard rows.count == page, let last = rows.last else { return }
            after = try last.decode(column: "id", as: UUID.self)
        }
    }
}
