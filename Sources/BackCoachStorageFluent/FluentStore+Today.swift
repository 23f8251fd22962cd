import BackCoachCore
import BackCoachStorage
import Foundation
import SQLKit

/// Today in one round trip: the page and the API ask for it on every open.
extension FluentStore {
    public func todayRecord(for user: UserID, on date: LocalDate) async throws -> TodayRecord? {
        let id = user.rawValue
        let day = date.description
        let before = date.adding(days: -1).description
        // One row per safety check that day (or one row of NULLs), each carrying the rest.
        let rows = try await sql.raw(
            """
            SELECT i.answers, i.updated_at AS intake_updated_at, p.record, \
            EXISTS (SELECT 1 FROM session_logs WHERE user_id = \(bind: id) AND date = \(bind: day)) AS session_logged, \
            EXISTS (SELECT 1 FROM session_logs WHERE user_id = \(bind: id) AND date = \(bind: before)) AS logged_before, \
            (SELECT pain FROM checkins WHERE user_id = \(bind: id) AND date = \(bind: day)) AS checkin_pain, \
            l.date AS latest_date, l.red_flags AS latest_red_flags, l.level AS latest_level, l.created_at AS latest_created_at, \
            s.date, s.red_flags, s.level, s.created_at \
            FROM intakes i LEFT JOIN programs p ON p.user_id = i.user_id \
            LEFT JOIN (SELECT * FROM screens WHERE user_id = \(bind: id) ORDER BY date DESC, created_at DESC LIMIT 1) l ON 1 = 1 \
            LEFT JOIN screens s ON s.user_id = \(bind: id) AND s.date = \(bind: day) \
            WHERE i.user_id = \(bind: id) ORDER BY s.created_at
            """
        ).all()
        guard let first = rows.first else { return nil }
        let intake = try database.decoded.intake(
            first.decode(column: "answers", as: String.self), updatedAt: first.decode(column: "intake_updated_at", as: Double.self))
        let program = try first.decode(column: "record", as: String?.self).map(database.decoded.program)
        let screens = try rows.filter { try !$0.decodeNil(column: "created_at") }.map(Self.screen(from:))
        var latest: ScreenRecord?
        if let at = try first.decode(column: "latest_created_at", as: Double?.self) {
            latest = ScreenRecord(
                date: try Self.date(first, "latest_date"),
                redFlags: try JSONText.decode([RedFlagID].self, first.decode(column: "latest_red_flags", as: String.self)),
                level: TriageLevel(rawValue: try first.decode(column: "latest_level", as: String.self)) ?? .none,
                createdAt: Date(timeIntervalSince1970: at))
        }
        return TodayRecord(
            intake: intake, program: program,
            day: DayRecord(
                sessionLogged: try first.decode(column: "session_logged", as: Bool.self), screens: screens,
                checkinPain: try first.decode(column: "checkin_pain", as: Int?.self)),
            sessionLoggedDayBefore: try first.decode(column: "logged_before", as: Bool.self), latestScreen: latest)
    }
}
