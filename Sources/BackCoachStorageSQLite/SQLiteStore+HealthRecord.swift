import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Her intake, program, safety checks and sessions.
extension SQLiteStore {
    public func saveIntake(_ answers: IntakeAnswers, program: ProgramRecord?, for user: UserID, now: Date) async throws {
        let answersJSON = try JSONText.encode(answers)
        try await writeOwned(user) { db in
            try db.run(
                """
                INSERT INTO intakes (user_id, answers, updated_at) VALUES (?, ?, ?) \
                ON CONFLICT (user_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at
                """, [user.text, answersJSON, now.timeIntervalSince1970])
            // A finished intake ends the wizard's draft.
            try db.run("DELETE FROM intake_drafts WHERE user_id = ?", [user.text])
            if let program {
                try Self.storeProgram(db, user, program)
            } else {
                try db.run("DELETE FROM programs WHERE user_id = ?", [user.text])
            }
        }
    }

    public func intake(for user: UserID) async throws -> StoredIntake? {
        try await intakeAndProgram(for: user)?.intake
    }

    public func intakeAndProgram(for user: UserID) async throws -> (intake: StoredIntake, program: ProgramRecord?)? {
        try readOneStatement { db in
            guard
                let row = try db.row(
                    """
                    SELECT intakes.answers, intakes.updated_at, programs.record FROM intakes \
                    LEFT JOIN programs ON programs.user_id = intakes.user_id WHERE intakes.user_id = ?
                    """, [user.text])
            else { return nil }
            let intake = try database.decoded.intake(row.value("answers"), updatedAt: row.value("updated_at"))
            return (intake, try (row.value("record") as String?).map(decodedProgram))
        }
    }

    public func program(for user: UserID) async throws -> ProgramRecord? {
        try readOneStatement { try program($0, user) }
    }

    public func screens(for user: UserID, on date: LocalDate) async throws -> [ScreenRecord] {
        try readOneStatement { db in
            try db.map(
                "SELECT \(Self.screenColumns) FROM screens WHERE user_id = ? AND date = ? ORDER BY created_at",
                [user.text, date.description]
            ) { try Self.screen(at: $0) }.compactMap { $0 }
        }
    }

    public func screens(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [ScreenRecord] {
        try readOneStatement { db in
            try db.map(
                "SELECT \(Self.screenColumns) FROM screens WHERE user_id = ? AND date >= ? AND date <= ? ORDER BY date, created_at",
                [user.text, from.description, to.description]
            ) { try Self.screen(at: $0) }.compactMap { $0 }
        }
    }

    public func sessions(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [SessionLog] {
        try readOneStatement { db in
            try db.rows(
                "SELECT * FROM session_logs WHERE user_id = ? AND date >= ? AND date <= ? ORDER BY date, created_at",
                [user.text, from.description, to.description]
            ).map(Self.session(from:))
        }
    }

    public func sessionDates(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [LocalDate] {
        try readOneStatement { db in
            try db.rows(
                "SELECT DISTINCT date FROM session_logs WHERE user_id = ? AND date >= ? AND date <= ? ORDER BY date",
                [user.text, from.description, to.description]
            ).map { try $0.date("date") }
        }
    }

    public func sessionDayCount(for user: UserID, from: LocalDate, to: LocalDate) async throws -> Int {
        try readOneStatement { db in
            try db.row(
                "SELECT COUNT(DISTINCT date) AS days FROM session_logs WHERE user_id = ? AND date >= ? AND date <= ?",
                [user.text, from.description, to.description]
            )?.value("days") ?? 0
        }
    }

    public func recentSessions(for user: UserID, limit: Int) async throws -> [SessionLog] {
        try readOneStatement { db in
            try db.rows("SELECT * FROM session_logs WHERE user_id = ? ORDER BY date DESC, created_at DESC LIMIT ?", [user.text, limit])
                .map(Self.session(from:)).reversed()
        }
    }

    /// A session logged on `date`, that day's safety checks and its check-in pain, in one query: one row per screen,
    /// or one row of NULLs when there is none, each carrying the session flag and the pain.
    static func day(_ db: Database, _ user: UserID, _ date: LocalDate) throws -> DayRecord {
        let id = user.text
        let day = date.description
        var logged = false
        var pain: Int?
        var screens: [ScreenRecord] = []
        try db.each(
            """
            SELECT EXISTS (SELECT 1 FROM session_logs WHERE user_id = ?1 AND date = ?2), \
            (SELECT pain FROM checkins WHERE user_id = ?1 AND date = ?2), s.date, s.red_flags, s.level, s.created_at \
            FROM (SELECT 1) AS d LEFT JOIN screens s ON s.user_id = ?1 AND s.date = ?2 ORDER BY s.created_at
            """, [id, day]
        ) { row in
            logged = try row.decode(atIndex: 0)
            pain = try row.decode(atIndex: 1)
            if let screen = try Self.screen(at: row, from: 2) { screens.append(screen) }
        }
        return DayRecord(sessionLogged: logged, screens: screens, checkinPain: pain)
    }
}
