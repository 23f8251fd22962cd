import BackCoachCore
import BackCoachStorage
import Foundation
import PostgresNIO

/// The reads behind a progress report (and the verdict that asks for one), as named prepared statements: a 3-year
/// report makes about eight of them, and through SQLKit a third of its time went to building the SQL, planning it
/// again in PostgreSQL and decoding rows through `Decoder` (profile in docs/performance.md).
enum ProgressStatements {
    static let checkinColumns = "date, pain, psfs, note, updated_at"

    static func checkin(_ row: PostgresRow) throws -> Checkin {
        let (text, pain, psfs, note, updated) = try row.decode((String, Int, String?, String?, Double).self)
        return Checkin(
            date: try FluentStore.date(text), pain: pain, psfs: try psfs.map(PSFSRatingsText.decode), note: note,
            updatedAt: Date(timeIntervalSince1970: updated))
    }

    struct Checkins: PostgresPreparedStatement {
        static let name = "backcoach_checkins"
        static let sql = "SELECT \(checkinColumns) FROM checkins WHERE user_id = $1 AND date >= $2 AND date <= $3 ORDER BY date"
        let user: UUID, from: String, to: String
        func makeBindings() throws -> PostgresBindings { .of(user, from, to) }
        func decodeRow(_ row: PostgresRow) throws -> Checkin { try checkin(row) }
    }

    /// Check-ins that carry PSFS ratings in date order (`Order`: oldest or newest first); `limit` bounds a page.
    struct PSFSCheckins<Order: DateOrder>: PostgresPreparedStatement {
        // A direction can't be bound, so each order is a statement of its own.
        static var name: String { "backcoach_psfs_checkins_\(Order.keyword)" }
        static var sql: String {
            """
            SELECT \(checkinColumns) FROM checkins WHERE user_id = $1 AND date >= $2 AND date <= $3 AND psfs IS NOT NULL \
            ORDER BY date \(Order.keyword) LIMIT $4
            """
        }
        let user: UUID, from: String, to: String, limit: Int
        func makeBindings() throws -> PostgresBindings { .of(user, from, to, limit) }
        func decodeRow(_ row: PostgresRow) throws -> Checkin { try checkin(row) }
    }

    protocol DateOrder { static var keyword: String { get } }
    enum OldestFirst: DateOrder { static var keyword: String { "asc" } }
    enum NewestFirst: DateOrder { static var keyword: String { "desc" } }

    /// Pain summed per week by the database; dates are stored as text and date_trunc('week') gives the ISO Monday.
    struct PainWeeks: PostgresPreparedStatement {
        static let name = "backcoach_pain_weeks"
        static let sql = """
            SELECT to_char(date_trunc('week', date::date), 'YYYY-MM-DD') AS week_of, SUM(pain)::bigint, COUNT(*) \
            FROM checkins WHERE user_id = $1 AND date >= $2 AND date <= $3 GROUP BY week_of ORDER BY week_of
            """
        let user: UUID, from: String, to: String
        func makeBindings() throws -> PostgresBindings { .of(user, from, to) }
        func decodeRow(_ row: PostgresRow) throws -> PainWeek {
            let (week, total, count) = try row.decode((String, Int, Int).self)
            return PainWeek(weekOf: try FluentStore.date(week, column: "week_of"), total: total, checkins: count)
        }
    }

    struct FirstCheckinDate: PostgresPreparedStatement {
        static let name = "backcoach_first_checkin_date"
        static let sql = "SELECT date FROM checkins WHERE user_id = $1 ORDER BY date LIMIT 1"
        let user: UUID
        func makeBindings() throws -> PostgresBindings { .of(user) }
        func decodeRow(_ row: PostgresRow) throws -> LocalDate { try FluentStore.date(try row.decode(String.self)) }
    }

    struct SessionDayCount: PostgresPreparedStatement {
        static let name = "backcoach_session_day_count"
        static let sql = "SELECT COUNT(DISTINCT date) FROM session_logs WHERE user_id = $1 AND date >= $2 AND date <= $3"
        let user: UUID, from: String, to: String
        func makeBindings() throws -> PostgresBindings { .of(user, from, to) }
        func decodeRow(_ row: PostgresRow) throws -> Int { try row.decode(Int.self) }
    }

    struct SessionDates: PostgresPreparedStatement {
        static let name = "backcoach_session_dates"
        static let sql = "SELECT DISTINCT date FROM session_logs WHERE user_id = $1 AND date >= $2 AND date <= $3 ORDER BY date"
        let user: UUID, from: String, to: String
        func makeBindings() throws -> PostgresBindings { .of(user, from, to) }
        func decodeRow(_ row: PostgresRow) throws -> LocalDate { try FluentStore.date(try row.decode(String.self)) }
    }

    /// Her intake, with her program when she has one.
    struct IntakeAndProgram: PostgresPreparedStatement {
        static let name = "backcoach_intake_and_program"
        static let sql = """
            SELECT intakes.answers, intakes.updated_at, programs.record FROM intakes \
            LEFT JOIN programs ON programs.user_id = intakes.user_id WHERE intakes.user_id = $1
            """
        typealias Row = (answers: String, updatedAt: Double, program: String?)
        let user: UUID
        func makeBindings() throws -> PostgresBindings { .of(user) }
        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode((String, Double, String?).self) }
    }
}
