import BackCoachCore
import BackCoachStorage
import Foundation
import PostgresNIO

/// The reads every page and API call makes, as named prepared statements: PostgreSQL parses and plans each once per
/// connection and then only binds, and the rows are decoded straight from the wire (no SQLKit builder, no
/// `Decoder`). Profiled on the two-server bench: see docs/performance.md.
enum HotPathStatements {
    /// A user's columns in the order `user(_:)` reads them; `users.*` would tie the decoding to the table's history.
    static let userColumns =
        "users.id, users.email, users.password_hash, users.created_at, users.calendar_secret, users.pain_ceiling, "
        + "users.country, users.time_zone, users.role, users.display_name, users.profession"

    typealias UserColumns = (UUID, String, String, Double, String, Int?, String?, String?, String, String?, String?)

    static func user(_ row: UserColumns) -> User {
        User(
            id: UserID(row.0), email: row.1, passwordHash: row.2, createdAt: Date(timeIntervalSince1970: row.3),
            calendarSecret: row.4, painCeiling: row.5, country: row.6, timeZone: row.7,
            role: AccountRole(rawValue: row.8) ?? .client, displayName: row.9, profession: row.10)
    }

    /// The API's bearer token to its user.
    struct UserByToken: PostgresPreparedStatement {
        static let name = "backcoach_user_by_token"
        static let sql =
            "SELECT \(userColumns) FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE api_tokens.token_hash = $1"
        typealias Row = User
        let tokenHash: String

        func makeBindings() throws -> PostgresBindings { .of(tokenHash) }

        func decodeRow(_ row: PostgresRow) throws -> User { HotPathStatements.user(try row.decode(UserColumns.self)) }
    }

    /// A browser session that has not expired, with its user.
    struct WebSessionByToken: PostgresPreparedStatement {
        static let name = "backcoach_web_session_by_token"
        static let sql = """
            SELECT \(userColumns), web_sessions.csrf_token, web_sessions.expires_at FROM web_sessions \
            JOIN users ON users.id = web_sessions.user_id WHERE web_sessions.token_hash = $1 AND web_sessions.expires_at > $2
            """
        typealias Row = (User, csrfToken: String, expiresAt: Double)
        let tokenHash: String
        let now: Double

        func makeBindings() throws -> PostgresBindings { .of(tokenHash, now) }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            let (id, email, hash, created, secret, ceiling, country, zone, role, name, profession, csrf, expires) = try row.decode(
                (UUID, String, String, Double, String, Int?, String?, String?, String, String?, String?, String, Double).self)
            let user = HotPathStatements.user((id, email, hash, created, secret, ceiling, country, zone, role, name, profession))
            return (user, csrf, expires)
        }
    }

    /// Today in one round trip: one row per safety check that day (or one row of NULLs), each carrying the rest.
    struct TodayRecordRows: PostgresPreparedStatement {
        static let name = "backcoach_today_record"
        static let sql = """
            SELECT i.answers, i.updated_at, p.record, \
            EXISTS (SELECT 1 FROM session_logs WHERE user_id = $1 AND date = $2), \
            EXISTS (SELECT 1 FROM session_logs WHERE user_id = $1 AND date = $3), \
            (SELECT pain FROM checkins WHERE user_id = $1 AND date = $2), \
            l.date, l.red_flags, l.level, l.created_at, s.date, s.red_flags, s.level, s.created_at \
            FROM intakes i LEFT JOIN programs p ON p.user_id = i.user_id \
            LEFT JOIN (SELECT * FROM screens WHERE user_id = $1 ORDER BY date DESC, created_at DESC LIMIT 1) l ON 1 = 1 \
            LEFT JOIN screens s ON s.user_id = $1 AND s.date = $2 \
            WHERE i.user_id = $1 ORDER BY s.created_at
            """
        typealias Row = (
            answers: String, intakeUpdatedAt: Double, program: String?, sessionLogged: Bool, loggedBefore: Bool,
            checkinPain: Int?, latest: ScreenColumns, screen: ScreenColumns
        )
        typealias ScreenColumns = (date: String?, redFlags: String?, level: String?, createdAt: Double?)
        let user: UUID
        let day: String
        let dayBefore: String

        func makeBindings() throws -> PostgresBindings { .of(user, day, dayBefore) }

        func decodeRow(_ row: PostgresRow) throws -> Row {
            let (answers, updated, program, logged, before, pain, lDate, lFlags, lLevel, lAt, sDate, sFlags, sLevel, sAt) =
                try row.decode(
                    (String, Double, String?, Bool, Bool, Int?, String?, String?, String?, Double?, String?, String?, String?, Double?).self
                )
            return (answers, updated, program, logged, before, pain, (lDate, lFlags, lLevel, lAt), (sDate, sFlags, sLevel, sAt))
        }

        /// A screen's columns, when the row has one.
        static func screen(_ columns: ScreenColumns) throws -> ScreenRecord? {
            guard let at = columns.createdAt, let text = columns.date, let flags = columns.redFlags, let level = columns.level else {
                return nil
            }
            return ScreenRecord(
                date: try FluentStore.date(text), redFlags: try JSONText.decode([RedFlagID].self, flags),
                level: TriageLevel(rawValue: level) ?? .none,
                createdAt: Date(timeIntervalSince1970: at))
        }
    }
}

extension HotPathStatements {
    /// A check-in saved in one statement: inserted, or replacing the day's (unless `keepingNewer` and the stored one
    /// was written later). No row back means a newer one stayed; `created` is whether it was new. Of two saves of one
    /// day at once, PostgreSQL's ON CONFLICT lets exactly one insert; her account's erasure at the same moment either
    /// cascades over the row or fails its foreign key. It replaced a locked read-then-write of five round trips.
    struct UpsertCheckin: PostgresPreparedStatement {
        static let name = "backcoach_upsert_checkin"
        static let sql = """
            INSERT INTO checkins AS stored (user_id, date, pain, psfs, note, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
            ON CONFLICT (user_id, date) DO UPDATE SET pain = EXCLUDED.pain, psfs = EXCLUDED.psfs, note = EXCLUDED.note, \
            updated_at = EXCLUDED.updated_at WHERE NOT $7 OR stored.updated_at <= EXCLUDED.updated_at \
            RETURNING (xmax = 0) AS created
            """
        let user: UUID
        let checkin: Checkin
        let psfs: String?
        let keepingNewer: Bool

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 7)
            bindings.append(user)
            bindings.append(checkin.date.description)
            bindings.append(checkin.pain)
            try bindings.append(psfs)
            try bindings.append(checkin.note)
            bindings.append(checkin.updatedAt.timeIntervalSince1970)
            bindings.append(keepingNewer)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Bool { try row.decode(Bool.self) }
    }
}

extension PostgresBindings {
    /// The values for a statement's $1, $2, … in order.
    static func of<each Value: PostgresDynamicTypeEncodable>(_ values: repeat each Value) -> PostgresBindings {
        var bindings = PostgresBindings()
        repeat bindings.append(each values)
        return bindings
    }
}
