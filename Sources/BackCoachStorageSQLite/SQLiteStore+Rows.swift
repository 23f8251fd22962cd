import BackCoachCore
import BackCoachStorage
import Foundation
import GRDB

/// Row ↔ record mapping.
extension SQLiteStore {
    // The rows every request reads (her account, the day's safety checks, check-ins) are read by position from a fixed
    // column list: GRDB finds a column of a copied row by name by lower-casing every column name on each lookup.

    /// The columns `user(at:)` reads, in its order (qualified, for joins).
    static let userColumns = """
        users.id, users.email, users.password_hash, users.created_at, users.calendar_secret, users.pain_ceiling, \
        users.country, users.time_zone, users.role, users.display_name, users.profession
        """

    static func user(at row: Row) throws -> User {
        User(
            id: UserID(try row.decode(UUID.self, atIndex: 0)),
            email: try row.decode(atIndex: 1),
            passwordHash: try row.decode(atIndex: 2),
            createdAt: Date(timeIntervalSince1970: try row.decode(atIndex: 3)),
            calendarSecret: try row.decode(atIndex: 4),
            painCeiling: try row.decode(atIndex: 5),
            country: try row.decode(atIndex: 6),
            timeZone: try row.decode(atIndex: 7),
            role: AccountRole(rawValue: try row.decode(atIndex: 8)) ?? .client,
            displayName: try row.decode(atIndex: 9),
            profession: try row.decode(atIndex: 10))
    }

    /// The columns `screen(at:from:)` reads, in its order.
    static let screenColumns = "date, red_flags, level, created_at"

    /// A safety check from the four `screenColumns` starting at `offset`; nil when they are NULL (a LEFT JOIN that
    /// found none).
    static func screen(at row: Row, from offset: Int = 0) throws -> ScreenRecord? {
        guard let createdAt = try row.decode(Double?.self, atIndex: offset + 3) else { return nil }
        return ScreenRecord(
            date: try row.date(at: offset),
            redFlags: try JSONText.decode([RedFlagID].self, row.decode(String.self, atIndex: offset + 1)),
            level: TriageLevel(rawValue: try row.decode(atIndex: offset + 2)) ?? .none,
            createdAt: Date(timeIntervalSince1970: createdAt))
    }

    static func session(from row: Row) throws -> SessionLog {
        let contents = try SessionLogCoding.decode(try row.value("log"))
        return SessionLog(
            id: try row.value("id"),
            date: try row.date("date"),
            feedback: contents.feedback,
            decisions: contents.decisions,
            createdAt: Date(timeIntervalSince1970: try row.value("created_at")))
    }

    /// The columns `checkin(at:)` reads, in its order. By position, because a 3-year report reads a thousand rows and
    /// finding a column by name compares names case-insensitively each time.
    static let checkinColumns = "date, pain, psfs, note, updated_at"

    static func checkin(at row: Row) throws -> Checkin {
        Checkin(
            date: try row.date(at: 0),
            pain: try row.decode(atIndex: 1),
            psfs: try row.decode(String?.self, atIndex: 2).map(PSFSRatingsText.decode),
            note: try row.decode(atIndex: 3),
            updatedAt: Date(timeIntervalSince1970: try row.decode(atIndex: 4)))
    }

    static func share(from row: Row) throws -> Share {
        Share(
            id: try row.value("id"),
            client: UserID(try row.value("client_id")),
            clinician: try (row.value("clinician_id") as UUID?).map(UserID.init),
            codeHash: try row.value("code_hash"),
            createdAt: Date(timeIntervalSince1970: try row.value("created_at")),
            expiresAt: Date(timeIntervalSince1970: try row.value("expires_at")),
            acceptedAt: try (row.value("accepted_at") as Double?).map(Date.init(timeIntervalSince1970:)),
            revokedAt: try (row.value("revoked_at") as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    static func careEvent(from row: Row) throws -> CareEvent {
        guard let kind = CareEvent.Kind(rawValue: try row.value("kind")) else { throw JSONText.CorruptValue(column: "kind") }
        return CareEvent(
            id: try row.value("id"),
            shareID: try row.value("share_id"),
            client: UserID(try row.value("client_id")),
            clinician: UserID(try row.value("clinician_id")),
            at: Date(timeIntervalSince1970: try row.value("at")),
            kind: kind, summary: try row.value("summary"),
            reason: try row.value("reason"))
    }

    /// Her program record, decoded once per distinct text.
    func program(_ db: Database, _ user: UserID) throws -> ProgramRecord? {
        guard
            let text = try String.fetchOne(db.cachedStatement(sql: "SELECT record FROM programs WHERE user_id = ?"), arguments: [user.text])
        else { return nil }
        return try decodedProgram(text)
    }

    func decodedProgram(_ text: String) throws -> ProgramRecord {
        try database.decoded.program(text)
    }

    /// Insert-or-replace in one statement.
    static func storeProgram(_ db: Database, _ user: UserID, _ program: ProgramRecord) throws {
        try db.run(
            "INSERT INTO programs (user_id, record) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET record = excluded.record",
            [user.text, try JSONText.encode(program)])
    }
}

extension Row {
    /// The column's value as `T` (an optional for a column that may be NULL); a stored value of the wrong type throws.
    func value<T: DatabaseValueConvertible>(_ column: String) throws -> T {
        try decode(T.self, forColumn: column)
    }

    func date(_ column: String) throws -> LocalDate {
        guard let date = LocalDate(try value(column) as String) else { throw JSONText.CorruptValue(column: column) }
        return date
    }

    func date(at index: Int) throws -> LocalDate {
        guard let date = LocalDate(try decode(String.self, atIndex: index)) else {
            throw JSONText.CorruptValue(column: columnNames.dropFirst(index).first ?? "column \(index)")
        }
        return date
    }
}
