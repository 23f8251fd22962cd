import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Migration 0015 both ways: every stored session log from its two JSON columns into one compressed value
/// (`SessionLogCoding`), and back. Rows are read and written in pages, so a large file needs little memory.
enum SessionLogRewrite {
    static let page = 500

    static func compress(_ db: Database) throws {
        try rewrite(db, reading: "feedback, decisions", writing: "log = ?") { row in
            [
                try SessionLogCoding.encode(
                    feedback: try JSONText.decode([ExerciseFeedback].self, row["feedback"]),
                    decisions: try JSONText.decode([ProgressionDecision].self, row["decisions"]))
            ]
        }
    }

    static func expand(_ db: Database) throws {
        try rewrite(db, reading: "log", writing: "feedback = ?, decisions = ?") { row in
            let contents = try SessionLogCoding.decode(row["log"])
            return [try JSONText.encode(contents.feedback), try JSONText.encode(contents.decisions)]
        }
    }

    /// Sets `writing` on every row, with the values `convert` makes of the `reading` columns, in id order.
    private static func rewrite(
        _ db: Database, reading: String, writing: String, _ convert: (Row) throws -> [(any DatabaseValueConvertible)?]
    ) throws {
        var after = ""
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, \(reading) FROM session_logs WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, page])
            for row in rows {
                let id: String = row["id"]
                try db.execute(
                    sql: "UPDATE session_logs SET \(writing) WHERE id = ?", arguments: StatementArguments(try convert(row) + [id]))
            }
            guard rows.count == page, let last = rows.last else { return }
            after = last["id"]
        }
    }
}
