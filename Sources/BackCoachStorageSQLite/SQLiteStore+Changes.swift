import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Writes that read first: the program change, check-ins and the wizard's draft. Each runs on the single writer, so
/// what it reads is still true when it writes, and two at once queue.
extension SQLiteStore {
    public func changeProgram<Result: Sendable>(
        for user: UserID, on date: LocalDate, sessionID: UUID?,
        _ change: @escaping @Sendable (ProgramSnapshot) throws -> ProgramChange<Result>
    ) async throws -> Result {
        try await writeOwned(user) { db in
            var stored: SessionLog?
            if let sessionID, let row = try db.row("SELECT * FROM session_logs WHERE id = ?", [sessionID.text]) {
                guard (try row.value("user_id") as String) == user.text else { throw StorageError.idTaken }
                stored = try Self.session(from: row)
            }
            let snapshot = ProgramSnapshot(program: try program(db, user), day: try Self.day(db, user, date), storedSession: stored)
            let update = try change(snapshot)
            if let screen = update.screen {
                try db.run(
                    "INSERT INTO screens (id, user_id, date, red_flags, level, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        UUID().text, user.text, screen.date.description, try JSONText.encode(screen.redFlags), screen.level.rawValue,
                        screen.createdAt.timeIntervalSince1970,
                    ])
            }
            if let session = update.session {
                try db.run(
                    "INSERT INTO session_logs (id, user_id, date, log, created_at) VALUES (?, ?, ?, ?, ?)",
                    [
                        session.id.text, user.text, session.date.description,
                        try SessionLogCoding.encode(feedback: session.feedback, decisions: session.decisions),
                        session.createdAt.timeIntervalSince1970,
                    ])
            }
            if let morning = update.morning {
                let logs = try db.rows(
                    "SELECT * FROM session_logs WHERE user_id = ? AND date = ?", [user.text, morning.sessionDate.description])
                for log in try logs.map(Self.session(from:)) {
                    guard let answered = log.answering(morning.answer) else { continue }
                    try db.run(
                        "UPDATE session_logs SET log = ? WHERE id = ?",
                        [try SessionLogCoding.encode(feedback: answered.feedback, decisions: answered.decisions), log.id.text])
                }
            }
            if let program = update.program { try Self.storeProgram(db, user, program) }
            return update.result
        }
    }

    public func upsertCheckin(_ checkin: Checkin, for user: UserID, keepingNewer: Bool) async throws -> Bool {
        let psfs = try checkin.psfs.map(JSONText.encode)
        // "Was it new?" is asked inside the write, so of two saves of one day exactly one hears "created".
        return try await writeOwned(user) { db in
            let existing = try Double.fetchOne(
                db.cachedStatement(sql: "SELECT updated_at FROM checkins WHERE user_id = ? AND date = ?"),
                arguments: [user.text, checkin.date.description])
            if keepingNewer, let existing, existing > checkin.updatedAt.timeIntervalSince1970 { throw StorageError.newerExists }
            try db.run(
                """
                INSERT INTO checkins (user_id, date, pain, psfs, note, updated_at) VALUES (?, ?, ?, ?, ?, ?) \
                ON CONFLICT (user_id, date) DO UPDATE SET pain = excluded.pain, psfs = excluded.psfs, note = excluded.note, \
                updated_at = excluded.updated_at
                """,
                [user.text, checkin.date.description, checkin.pain, psfs, checkin.note, checkin.updatedAt.timeIntervalSince1970])
            return existing == nil
        }
    }

    // The table is kept in (user, date) order (migration 0017), so a range of her days is read in order with no sort.

    public func checkins(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [Checkin] {
        try readOneStatement { db in
            try db.map(
                "SELECT \(Self.checkinColumns) FROM checkins WHERE user_id = ? AND date >= ? AND date <= ? ORDER BY date",
                [user.text, from.description, to.description], Self.checkin(at:))
        }
    }

    public func painWeeks(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [PainWeek] {
        // Summed here rather than by GROUP BY on a computed week: that parsed every date in SQL and sorted the groups,
        // three times the cost of reading the rows in key order (a 3-year window is a thousand rows).
        let days = try readOneStatement { db in
            try db.map(
                "SELECT date, pain FROM checkins WHERE user_id = ? AND date >= ? AND date <= ? ORDER BY date",
                [user.text, from.description, to.description]
            ) { row in PainCheckin(date: try row.date(at: 0), pain: try row.decode(atIndex: 1)) }
        }
        return PainWeek.weeks(of: days)
    }

    public func firstCheckinDate(for user: UserID) async throws -> LocalDate? {
        try readOneStatement { db in
            try db.map("SELECT date FROM checkins WHERE user_id = ? ORDER BY date LIMIT 1", [user.text]) { try $0.date(at: 0) }.first
        }
    }

    public func psfsCheckins(for user: UserID, from: LocalDate, to: LocalDate, limit: Int, newestFirst: Bool) async throws -> [Checkin] {
        // Two fixed statements, so each is prepared once; the partial index checkins_psfs keeps both to `limit` rows.
        let rated = "FROM checkins WHERE user_id = ? AND date >= ? AND date <= ? AND psfs IS NOT NULL"
        let sql = "SELECT \(Self.checkinColumns) \(rated) ORDER BY date \(newestFirst ? "DESC " : "")LIMIT ?"
        return try readOneStatement { db in
            try db.map(sql, [user.text, from.description, to.description, max(0, limit)], Self.checkin(at:))
        }
    }

    public func intakeDraft(for user: UserID) async throws -> IntakeDraft? {
        try readOneStatement { try Self.intakeDraft($0, user) }
    }

    public func changeIntakeDraft(
        for user: UserID, _ change: @escaping @Sendable (IntakeDraft?) throws -> IntakeDraft
    ) async throws -> IntakeDraft {
        try await writeOwned(user) { db in
            let draft = try change(try Self.intakeDraft(db, user))
            try db.run(
                """
                INSERT INTO intake_drafts (user_id, draft, updated_at) VALUES (?, ?, ?) \
                ON CONFLICT (user_id) DO UPDATE SET draft = excluded.draft, updated_at = excluded.updated_at
                """, [user.text, try JSONText.encode(draft), draft.updatedAt.timeIntervalSince1970])
            return draft
        }
    }

    public func deleteIntakeDraft(for user: UserID) async throws {
        try await write { try $0.run("DELETE FROM intake_drafts WHERE user_id = ?", [user.text]) }
    }

    static func intakeDraft(_ db: Database, _ user: UserID) throws -> IntakeDraft? {
        try db.row("SELECT draft FROM intake_drafts WHERE user_id = ?", [user.text])
            .map { try JSONText.decode(IntakeDraft.self, $0.value("draft")) }
    }
}
