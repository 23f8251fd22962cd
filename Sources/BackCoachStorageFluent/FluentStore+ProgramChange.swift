import BackCoachCore
import BackCoachStorage
import Foundation
import SQLKit

/// The one way a program record changes: read, decide and write in one transaction, so a safety pause and a
/// session logged at the same moment can't overwrite each other.
extension FluentStore {
    public func changeProgram<Result: Sendable>(
        for user: UserID, on date: LocalDate, sessionID: UUID?,
        _ change: @escaping @Sendable (ProgramSnapshot) throws -> ProgramChange<Result>
    ) async throws -> Result {
        try await transaction { sql in
            // Her account row is the lock: it exists before any program row does, and every change for her queues
            // behind it.
            guard try await self.lockOwner(sql, user) else { throw StorageError.userNotFound }
            var stored: SessionLog?
            if let sessionID, let row = try await sql.select().columns("*").from("session_logs").where("id", .equal, sessionID).first() {
                guard try row.decode(column: "user_id", as: UUID.self) == user.rawValue else { throw StorageError.idTaken }
                stored = try Self.session(from: row)
            }
            let snapshot = ProgramSnapshot(
                program: try await self.program(sql, user), day: try await Self.day(sql, user, date), storedSession: stored)
            let update = try change(snapshot)
            if let screen = update.screen { try await Self.insert(screen, for: user, into: sql) }
            if let session = update.session { try await Self.insert(session, for: user, into: sql) }
            if let morning = update.morning {
                let rows = try await sql.select().columns("*").from("session_logs")
                    .where("user_id", .equal, user.rawValue).where("date", .equal, morning.sessionDate.description).all()
                for log in try rows.map(Self.session(from:)) {
                    guard let answered = log.answering(morning.answer) else { continue }
                    try await sql.update("session_logs")
                        .set("log", to: SQLBind(try SessionLogCoding.encode(feedback: answered.feedback, decisions: answered.decisions)))
                        .where("id", .equal, log.id).run()
                }
            }
            if let program = update.program { try await Self.updateProgram(sql, user, try JSONText.encode(program)) }
            return update.result
        }
    }

    static func insert(_ screen: ScreenRecord, for user: UserID, into sql: any SQLDatabase) async throws {
        try await sql.insert(into: "screens").columns("id", "user_id", "date", "red_flags", "level", "created_at")
            .values(
                SQLBind(UUID()), SQLBind(user.rawValue), SQLBind(screen.date.description), SQLBind(try JSONText.encode(screen.redFlags)),
                SQLBind(screen.level.rawValue), SQLBind(screen.createdAt.timeIntervalSince1970)
            ).run()
    }

    static func insert(_ log: SessionLog, for user: UserID, into sql: any SQLDatabase) async throws {
        try await sql.insert(into: "session_logs").columns("id", "user_id", "date", "log", "created_at")
            .values(
                SQLBind(log.id), SQLBind(user.rawValue), SQLBind(log.date.description),
                SQLBind(try SessionLogCoding.encode(feedback: log.feedback, decisions: log.decisions)),
                SQLBind(log.createdAt.timeIntervalSince1970)
            ).run()
    }

    /// A session logged on `date`, that day's safety checks and its check-in pain: one row per screen, or one row of
    /// NULLs when there is none, each carrying the session flag and the pain.
    static func day(_ sql: any SQLDatabase, _ user: UserID, _ date: LocalDate) async throws -> DayRecord {
        let rows = try await sql.raw(
            """
            SELECT EXISTS (SELECT 1 FROM session_logs WHERE user_id = \(bind: user.rawValue) AND date = \(bind: date.description)) \
            AS session_logged, \
            (SELECT pain FROM checkins WHERE user_id = \(bind: user.rawValue) AND date = \(bind: date.description)) AS checkin_pain, \
            s.* FROM (SELECT 1 AS one) AS d \
            LEFT JOIN screens s ON s.user_id = \(bind: user.rawValue) AND s.date = \(bind: date.description) ORDER BY s.created_at
            """
        ).all()
        let logged = try rows.first?.decode(column: "session_logged", as: Bool.self) ?? false
        let pain = try rows.first?.decode(column: "checkin_pain", as: Int?.self) ?? nil
        let screens = try rows.filter { try !$0.decodeNil(column: "created_at") }.map(Self.screen(from:))
        return DayRecord(sessionLogged: logged, screens: screens, checkinPain: pain)
    }
}
