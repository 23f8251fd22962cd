import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Today in one statement: the page and the API ask for it on every open.
extension SQLiteStore {
    public func todayRecord(for user: UserID, on date: LocalDate) async throws -> TodayRecord? {
        try readOneStatement { db in
            // One row per safety check that day (or one row of NULLs), each carrying the rest; read by position:
            // 0–2 intake and program, 3–5 the day's session flags and pain, 6–9 her latest check, 10–13 the day's checks.
            var shared:
                (
                    intake: StoredIntake, program: ProgramRecord?, logged: Bool, loggedBefore: Bool, pain: Int?,
                    latest: ScreenRecord?
                )?
            var screens: [ScreenRecord] = []
            try db.each(
                """
                SELECT i.answers, i.updated_at, p.record, \
                EXISTS (SELECT 1 FROM session_logs WHERE user_id = ?1 AND date = ?2), \
                EXISTS (SELECT 1 FROM session_logs WHERE user_id = ?1 AND date = ?3), \
                (SELECT pain FROM checkins WHERE user_id = ?1 AND date = ?2), \
                l.date, l.red_flags, l.level, l.created_at, s.date, s.red_flags, s.level, s.created_at \
                FROM intakes i LEFT JOIN programs p ON p.user_id = i.user_id \
                LEFT JOIN (SELECT * FROM screens WHERE user_id = ?1 ORDER BY date DESC, created_at DESC LIMIT 1) l ON 1 = 1 \
                LEFT JOIN screens s ON s.user_id = ?1 AND s.date = ?2 \
                WHERE i.user_id = ?1 ORDER BY s.created_at
                """, [user.text, date.description, date.adding(days: -1).description]
            ) { row in
                if shared == nil {
                    shared = (
                        try database.decoded.intake(row.decode(atIndex: 0), updatedAt: row.decode(atIndex: 1)),
                        try row.decode(String?.self, atIndex: 2).map(decodedProgram), try row.decode(atIndex: 3),
                        try row.decode(atIndex: 4), try row.decode(atIndex: 5), try Self.screen(at: row, from: 6)
                    )
                }
                if let screen = try Self.screen(at: row, from: 10) { screens.append(screen) }
            }
            guard let shared else { return nil }
            return TodayRecord(
                intake: shared.intake, program: shared.program,
                day: DayRecord(sessionLogged: shared.logged, screens: screens, checkinPain: shared.pain),
                sessionLoggedDayBefore: shared.loggedBefore, latestScreen: shared.latest)
        }
    }
}
