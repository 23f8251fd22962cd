import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Today in one statement: the page and the API ask for it on every open.
extension SQLiteStore {
    public func todayRecord(for user: UserID, on date: LocalDate) async throws -> TodayRecord? {
        try readOneStatement { db in
            // One row per safety check that day (or one row of NULLs), each carrying the rest.
            let rows = try db.rows(
                """
                SELECT i.answers, i.updated_at AS intake_updated_at, p.record, \
                EXISTS (SELECT 1 FROM session_logs WHERE user_id = ?1 AND date = ?2) AS session_logged, \
                EXISTS (SELECT 1 FROM session_logs WHERE user_id = ?1 AND date = ?3) AS logged_before, \
                (SELECT pain FROM checkins WHERE user_id = ?1 AND date = ?2) AS checkin_pain, \
                l.date AS latest_date, l.red_flags AS latest_red_flags, l.level AS latest_level, l.created_at AS latest_created_at, \
                s.date, s.red_flags, s.level, s.created_at \
                FROM intakes i LEFT JOIN programs p ON p.user_id = i.user_id \
                LEFT JOIN (SELECT * FROM screens WHERE user_id = ?1 ORDER BY date DESC, created_at DESC LIMIT 1) l ON 1 = 1 \
                LEFT JOIN screens s ON s.user_id = ?1 AND s.date = ?2 \
                WHERE i.user_id = ?1 ORDER BY s.created_at
                """, [user.text, date.description, date.adding(days: -1).description])
            guard let first = rows.first else { return nil }
            let intake = try database.decoded.intake(first.value("answers"), updatedAt: first.value("intake_updated_at"))
            let screens = try rows.filter { (try $0.value("created_at") as Double?) != nil }.map(Self.screen(from:))
            var latest: ScreenRecord?
            if let at = try first.value("latest_created_at") as Double? {
                latest = ScreenRecord(
                    date: try first.date("latest_date"), redFlags: try JSONText.decode([RedFlagID].self, first.value("latest_red_flags")),
                    level: TriageLevel(rawValue: try first.value("latest_level")) ?? .none, createdAt: Date(timeIntervalSince1970: at))
            }
            return TodayRecord(
                intake: intake, program: try (first.value("record") as String?).map(decodedProgram),
                day: DayRecord(
                    sessionLogged: try first.value("session_logged"), screens: screens, checkinPain: try first.value("checkin_pain")),
                sessionLoggedDayBefore: try first.value("logged_before"), latestScreen: latest)
        }
    }
}
