import BackCoachCore
import BackCoachStorage
import FluentKit
import Foundation
import PostgresNIO
import SQLKit

/// The PostgreSQL store. Values read and written whole (intake answers, program state, session feedback) are JSON text,
/// the same as on the embedded SQLite store.
public struct FluentStore: BackCoachStore {
    let database: FluentDatabase

    public init(database: FluentDatabase) {
        self.database = database
    }

    var sql: any SQLDatabase { database.database as! any SQLDatabase }

    /// Runs one statement that changes data.
    func write<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await work(sql)
    }

    /// Runs `work` in one transaction of its own.
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await database.database.transaction { try await work($0 as! any SQLDatabase) }
    }

    /// Runs a prepared statement on a connection from the pool and collects its rows.
    func prepared<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [Statement.Row]
    where Statement.Row: Sendable {
        let connections = database.database as! any PostgresDatabase
        let logger = database.logger
        return try await connections.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var rows: [Statement.Row] = []
                for try await row in try await connection.execute(statement, logger: logger) { rows.append(row) }
                return rows
            }
        }.get()
    }

    // MARK: - Accounts

    public func createUser(_ user: User) async throws {
        do {
            try await write { sql in
                try await sql.insert(into: "users")
                    .columns(
                        "id", "email", "password_hash", "calendar_secret", "pain_ceiling", "country", "time_zone", "created_at", "role",
                        "display_name", "profession"
                    )
                    .values(
                        SQLBind(user.id.rawValue), SQLBind(user.email), SQLBind(user.passwordHash), SQLBind(user.calendarSecret),
                        SQLBind(user.painCeiling), SQLBind(user.country), SQLBind(user.timeZone),
                        SQLBind(user.createdAt.timeIntervalSince1970), SQLBind(user.role.rawValue), SQLBind(user.displayName),
                        SQLBind(user.profession)
                    )
                    .run()
            }
        } catch {
            // A unique-constraint failure reads differently on each database; ask instead of parsing it.
            if try await self.user(email: user.email) != nil { throw StorageError.emailTaken }
            throw error
        }
    }

    public func user(email: String) async throws -> User? {
        try await sql.select().columns("*").from("users").where("email", .equal, email).first().map(Self.user(from:))
    }

    public func user(id: UserID) async throws -> User? {
        try await sql.select().columns("*").from("users").where("id", .equal, id.rawValue).first().map(Self.user(from:))
    }

    public func user(calendarSecret: String) async throws -> User? {
        try await sql.select().columns("*").from("users").where("calendar_secret", .equal, calendarSecret).first()
            .map(Self.user(from:))
    }

    public func setCalendarSecret(_ secret: String, for user: UserID) async throws {
        try await write { try await $0.update("users").set("calendar_secret", to: secret).where("id", .equal, user.rawValue).run() }
    }

    public func setPainCeiling(_ ceiling: Int?, for user: UserID) async throws {
        try await write { try await $0.update("users").set("pain_ceiling", to: ceiling).where("id", .equal, user.rawValue).run() }
    }

    public func addToken(hash: String, for user: UserID, now: Date) async throws {
        try await ownerMustExist(user) {
            try await write { sql in
                try await sql.insert(into: "api_tokens").columns("token_hash", "user_id", "created_at")
                    .values(SQLBind(hash), SQLBind(user.rawValue), SQLBind(now.timeIntervalSince1970)).run()
            }
        }
    }

    public func user(tokenHash: String) async throws -> User? {
        try await prepared(HotPathStatements.UserByToken(tokenHash: tokenHash)).first
    }

    public func revokeToken(hash: String) async throws -> Bool {
        try await transaction { sql in
            let found = try await Self.count(sql, "api_tokens", "token_hash", hash)
            try await sql.delete(from: "api_tokens").where("token_hash", .equal, hash).run()
            return found > 0
        }
    }

    public func addWebSession(_ session: WebSession) async throws {
        try await ownerMustExist(session.userID) {
            try await write { sql in
                try await sql.insert(into: "web_sessions").columns("token_hash", "user_id", "csrf_token", "expires_at")
                    .values(
                        SQLBind(session.tokenHash), SQLBind(session.userID.rawValue), SQLBind(session.csrfToken),
                        SQLBind(session.expiresAt.timeIntervalSince1970)
                    ).run()
            }
        }
    }

    public func webSession(hash: String, now: Date) async throws -> (WebSession, User)? {
        // One query for the session and its user: every page asks.
        guard let row = try await prepared(HotPathStatements.WebSessionByToken(tokenHash: hash, now: now.timeIntervalSince1970)).first
        else { return nil }
        let session = WebSession(
            tokenHash: hash, userID: row.0.id, csrfToken: row.csrfToken, expiresAt: Date(timeIntervalSince1970: row.expiresAt))
        return (session, row.0)
    }

    public func deleteWebSession(hash: String) async throws {
        try await write { try await $0.delete(from: "web_sessions").where("token_hash", .equal, hash).run() }
    }

    public func renewWebSession(hash: String, expiresAt: Date) async throws {
        try await sql.update("web_sessions").set("expires_at", to: expiresAt.timeIntervalSince1970).where("token_hash", .equal, hash).run()
    }

    public func deleteUser(_ user: UserID) async throws -> ErasureReport {
        try await transaction { sql in
            let id = user.rawValue
            var report = ErasureReport()
            guard try await self.lockOwner(sql, user) else { return report }
            report.tokens = try await Self.count(sql, "api_tokens", "user_id", id)
            report.intakes = try await Self.count(sql, "intakes", "user_id", id)
            report.programs = try await Self.count(sql, "programs", "user_id", id)
            report.screens = try await Self.count(sql, "screens", "user_id", id)
            report.sessions = try await Self.count(sql, "session_logs", "user_id", id)
            report.checkins = try await Self.count(sql, "checkins", "user_id", id)
            report.webSessions = try await Self.count(sql, "web_sessions", "user_id", id)
            report.accounts = try await Self.count(sql, "users", "id", id)
            report.shares = try await self.deleteShares(sql, of: user)
            // Children first, so the erase does not depend on foreign-key cascades being switched on.
            for table in [
                "api_tokens", "web_sessions", "account_recovery", "intake_drafts", "intakes", "programs", "screens", "session_logs",
                "checkins", "reminders", "push_subscriptions",
            ] {
                try await sql.delete(from: table).where("user_id", .equal, id).run()
            }
            try await sql.delete(from: "users").where("id", .equal, id).run()
            return report
        }
    }

    // MARK: - Health record

    public func saveIntake(_ answers: IntakeAnswers, program: ProgramRecord?, for user: UserID, now: Date) async throws {
        try await ownerMustExist(user) {
            let answersJSON = try JSONText.encode(answers)
            let programJSON = try program.map(JSONText.encode)
            try await transaction { sql in
                guard try await self.lockOwner(sql, user) else { throw StorageError.userNotFound }
                try await sql.insert(into: "intakes").columns("user_id", "answers", "updated_at")
                    .values(SQLBind(user.rawValue), SQLBind(answersJSON), SQLBind(now.timeIntervalSince1970))
                    .onConflict(with: ["user_id"]) { $0.set(excludedValueOf: "answers").set(excludedValueOf: "updated_at") }.run()
                // A finished intake ends the wizard's draft.
                try await sql.delete(from: "intake_drafts").where("user_id", .equal, user.rawValue).run()
                if let programJSON {
                    try await Self.updateProgram(sql, user, programJSON)
                } else {
                    try await sql.delete(from: "programs").where("user_id", .equal, user.rawValue).run()
                }
            }
        }
    }

    public func intake(for user: UserID) async throws -> StoredIntake? {
        try await intakeAndProgram(for: user)?.intake
    }

    public func intakeAndProgram(for user: UserID) async throws -> (intake: StoredIntake, program: ProgramRecord?)? {
        guard let row = try await prepared(ProgressStatements.IntakeAndProgram(user: user.rawValue)).first else { return nil }
        return (try database.decoded.intake(row.answers, updatedAt: row.updatedAt), try row.program.map(database.decoded.program))
    }

    public func program(for user: UserID) async throws -> ProgramRecord? {
        try await program(sql, user)
    }

    public func screens(for user: UserID, on date: LocalDate) async throws -> [ScreenRecord] {
        try await sql.select().columns("*").from("screens").where("user_id", .equal, user.rawValue)
            .where("date", .equal, date.description).orderBy("created_at").all().map(Self.screen(from:))
    }

    public func screens(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [ScreenRecord] {
        try await sql.select().columns("*").from("screens").where("user_id", .equal, user.rawValue)
            .where("date", .greaterThanOrEqual, from.description).where("date", .lessThanOrEqual, to.description)
            .orderBy("date").orderBy("created_at").all().map(Self.screen(from:))
    }

    public func sessions(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [SessionLog] {
        try await sql.select().columns("*").from("session_logs").where("user_id", .equal, user.rawValue)
            .where("date", .greaterThanOrEqual, from.description).where("date", .lessThanOrEqual, to.description)
            .orderBy("date").orderBy("created_at").all().map(Self.session(from:))
    }

    public func sessionDates(for user: UserID, from: LocalDate, to: LocalDate) async throws -> [LocalDate] {
        try await prepared(ProgressStatements.SessionDates(user: user.rawValue, from: from.description, to: to.description))
    }

    public func sessionDayCount(for user: UserID, from: LocalDate, to: LocalDate) async throws -> Int {
        try await prepared(ProgressStatements.SessionDayCount(user: user.rawValue, from: from.description, to: to.description)).first ?? 0
    }

    public func recentSessions(for user: UserID, limit: Int) async throws -> [SessionLog] {
        try await sql.select().columns("*").from("session_logs").where("user_id", .equal, user.rawValue)
            .orderBy("date", .descending).orderBy("created_at", .descending).limit(limit)
            .all().map(Self.session(from:)).reversed()
    }
}
