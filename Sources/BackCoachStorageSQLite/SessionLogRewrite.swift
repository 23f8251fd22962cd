import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Migration 0015 both ways: every stored session log from its two JSON columns into one compressed value
/// (`SessionLogCoding`), and back. Rows are read and written in pages, so a large file needs little memory.
enum SessionLogRewrite {
    static let page = 500

    static func compress(_ db: Database) throws {
        var after = ""
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, feedback, decisions FROM session_logs WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, page])
            for row in rows {
                let log = try SessionLogCoding.encode(
                    feedback: try JSONText.decode([ExerciseFeedback].self, row["feedback"]),
                    decisions: try JSONText.decode([ProgressionDecision].self, row["decisions"]))
                try db.execute(sql: "UPDATE session_logs SET log = ? WHERE id = ?", arguments: [log, row["id"] as String])
            }
            guard rows.count == page, let last = rows.last else { return }
            after = last["id"]
        }
    }

    static func expand(_ db: Database) throws {
        var after = ""
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, log FROM session_logs WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, page])
            for row in rows {
                let contents = try SessionLogCoding.decode(row["log"])
                try db.execute(
                    sql: "UPDATE session_logs SET feedback = ?, decisions = ? WHERE id = ?",
                    arguments: [try JSONText.encode(contents.feedback), try JSONText.encode(contents.decisions), row["id"] as String])
            }
            guard rows.count == page, let last = rows.last else { return }
            after = last["id"]
        }
    }
}
