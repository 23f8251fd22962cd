import BackCoachCore
import BackCoachStorage
import Foundation
import SQLKit

/// Row ↔ record mapping and small shared queries.
extension FluentStore {
    static func user(from row: any SQLRow) throws -> User {
        User(
            id: UserID(try row.decode(column: "id", as: UUID.self)),
            email: try row.decode(column: "email", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)),
            calendarSecret: try row.decode(column: "calendar_secret", as: String.self),
            painCeiling: try row.decode(column: "pain_ceiling", as: Int?.self),
            country: try row.decode(column: "country", as: String?.self),
            timeZone: try row.decode(column: "time_zone", as: String?.self),
            role: AccountRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .client,
            displayName: try row.decode(column: "display_name", as: String?.self),
            profession: try row.decode(column: "profession", as: String?.self))
    }

    static func screen(from row: any SQLRow) throws -> ScreenRecord {
        ScreenRecord(
            date: try date(row, "date"),
            redFlags: try JSONText.decode([RedFlagID].self, row.decode(column: "red_flags", as: String.self)),
            level: TriageLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .none,
            createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)))
    }

    static func session(from row: any SQLRow) throws -> SessionLog {
        let contents = try SessionLogCoding.decode(try row.decode(column: "log", as: Data.self))
        return SessionLog(
            id: try row.decode(column: "id", as: UUID.self),
            date: try date(row, "date"),
            feedback: contents.feedback,
            decisions: contents.decisions,
            createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)))
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> LocalDate {
        try date(row.decode(column: column, as: String.self), column: column)
    }

    /// A date column's text (dates are stored as YYYY-MM-DD); anything else is a corrupt value, not a missing one.
    static func date(_ text: String, column: String = "date") throws -> LocalDate {
        guard let date = LocalDate(text) else { throw JSONText.CorruptValue(column: column) }
        return date
    }

    func program(_ sql: any SQLDatabase, _ user: UserID) async throws -> ProgramRecord? {
        guard let row = try await sql.select().column("record").from("programs").where("user_id", .equal, user.rawValue).first() else {
            return nil
        }
        let text = try row.decode(column: "record", as: String.self)
        return try database.decoded.program(text)
    }

    /// Insert-or-replace in one statement: a delete then an insert let two concurrent saves on PostgreSQL
    /// both insert and one fail on the primary key.
    static func updateProgram(_ sql: any SQLDatabase, _ user: UserID, _ json: String) async throws {
        try await sql.insert(into: "programs").columns("user_id", "record").values(SQLBind(user.rawValue), SQLBind(json))
            .onConflict(with: ["user_id"]) { $0.set(excludedValueOf: "record") }.run()
    }

    static func count(_ sql: any SQLDatabase, _ table: String, _ column: String, _ value: some Encodable & Sendable) async throws -> Int {
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where(SQLIdentifier(column), .equal, SQLBind(value)).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
