import BackCoachStorage
import Foundation
import GRDB

/// Accounts, browser sessions and API tokens.
extension SQLiteStore {
    public func createUser(_ user: User) async throws {
        try await write { db in
            // Asked inside the write: of two sign-ups with one address at once, the second sees the first.
            guard try db.row("SELECT id FROM users WHERE email = ?", [user.email]) == nil else { throw StorageError.emailTaken }
            try db.run(
                """
                INSERT INTO users (id, email, password_hash, calendar_secret, pain_ceiling, country, time_zone, created_at, role, \
                display_name, profession) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    user.id.text, user.email, user.passwordHash, user.calendarSecret, user.painCeiling, user.country,
                    user.timeZone, user.createdAt.timeIntervalSince1970, user.role.rawValue, user.displayName, user.profession,
                ])
        }
    }

    public func user(email: String) async throws -> User? {
        try readOneStatement { try $0.first("SELECT \(Self.userColumns) FROM users WHERE email = ?", [email], Self.user(at:)) }
    }

    public func user(id: UserID) async throws -> User? {
        try readOneStatement { try $0.first("SELECT \(Self.userColumns) FROM users WHERE id = ?", [id.text], Self.user(at:)) }
    }

    public func user(calendarSecret: String) async throws -> User? {
        try readOneStatement {
            try $0.first("SELECT \(Self.userColumns) FROM users WHERE calendar_secret = ?", [calendarSecret], Self.user(at:))
        }
    }

    public func setCalendarSecret(_ secret: String, for user: UserID) async throws {
        try await write { try $0.run("UPDATE users SET calendar_secret = ? WHERE id = ?", [secret, user.text]) }
    }

    public func setPainCeiling(_ ceiling: Int?, for user: UserID) async throws {
        try await write { try $0.run("UPDATE users SET pain_ceiling = ? WHERE id = ?", [ceiling, user.text]) }
    }

    public func setPlace(country: String?, timeZone: String?, for user: UserID) async throws {
        try await write { db in
            try db.run("UPDATE users SET country = ?, time_zone = ? WHERE id = ?", [country, timeZone, user.text])
            if db.changesCount == 0 { throw StorageError.userNotFound }
        }
    }

    public func setPasswordHash(_ hash: String, for user: UserID) async throws {
        try await write { try $0.run("UPDATE users SET password_hash = ? WHERE id = ?", [hash, user.text]) }
    }

    public func setEmail(_ email: String, for user: UserID) async throws {
        try await write { db in
            if let owner = try db.row("SELECT id FROM users WHERE email = ?", [email]), (try owner.value("id") as String) != user.text {
                throw StorageError.emailTaken
            }
            try db.run("UPDATE users SET email = ? WHERE id = ?", [email, user.text])
        }
    }

    public func addToken(hash: String, for user: UserID, now: Date) async throws {
        try await writeOwned(user) { db in
            try db.run(
                "INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)", [hash, user.text, now.timeIntervalSince1970])
        }
    }

    public func user(tokenHash: String) async throws -> User? {
        try readOneStatement { db in
            try db.first(
                "SELECT \(Self.userColumns) FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE api_tokens.token_hash = ?",
                [tokenHash], Self.user(at:))
        }
    }

    public func revokeToken(hash: String) async throws -> Bool {
        try await write { db in
            try db.run("DELETE FROM api_tokens WHERE token_hash = ?", [hash])
            return db.changesCount > 0
        }
    }

    public func addWebSession(_ session: WebSession) async throws {
        try await writeOwned(session.userID) { db in
            try db.run(
                "INSERT INTO web_sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                [session.tokenHash, session.userID.text, session.csrfToken, session.expiresAt.timeIntervalSince1970])
        }
    }

    public func webSession(hash: String, now: Date) async throws -> (WebSession, User)? {
        // One query for the session and its user: every page asks.
        try readOneStatement { db in
            try db.first(
                """
                SELECT \(Self.userColumns), web_sessions.csrf_token, web_sessions.expires_at FROM web_sessions \
                JOIN users ON users.id = web_sessions.user_id WHERE web_sessions.token_hash = ? AND web_sessions.expires_at > ?
                """, [hash, now.timeIntervalSince1970]
            ) { row in
                let user = try Self.user(at: row)
                let session = WebSession(
                    tokenHash: hash, userID: user.id, csrfToken: try row.decode(atIndex: 11),
                    expiresAt: Date(timeIntervalSince1970: try row.decode(atIndex: 12)))
                return (session, user)
            }
        }
    }

    public func deleteWebSession(hash: String) async throws {
        try await write { try $0.run("DELETE FROM web_sessions WHERE token_hash = ?", [hash]) }
    }

    public func renewWebSession(hash: String, expiresAt: Date) async throws {
        try await write {
            try $0.run("UPDATE web_sessions SET expires_at = ? WHERE token_hash = ?", [expiresAt.timeIntervalSince1970, hash])
        }
    }

    public func endSessions(for user: UserID) async throws {
        try await write { db in
            try db.run("DELETE FROM web_sessions WHERE user_id = ?", [user.text])
            try db.run("DELETE FROM api_tokens WHERE user_id = ?", [user.text])
        }
    }

    public func deleteUser(_ user: UserID) async throws -> ErasureReport {
        try await write { db in
            let id = user.text
            var report = ErasureReport()
            guard try Self.ownerExists(db, user) else { return report }
            func count(_ table: String, _ column: String = "user_id") throws -> Int {
                try db.count("SELECT COUNT(*) FROM \(table) WHERE \(column) = ?", [id])
            }
            report.tokens = try count("api_tokens")
            report.intakes = try count("intakes")
            report.programs = try count("programs")
            report.screens = try count("screens")
            report.sessions = try count("session_logs")
            report.checkins = try count("checkins")
            report.webSessions = try count("web_sessions")
            report.accounts = try count("users", "id")
            report.shares = try db.count("SELECT COUNT(*) FROM shares WHERE client_id = ? OR clinician_id = ?", [id, id])
            // Children first, so the erase does not depend on foreign-key cascades being switched on.
            try db.run("DELETE FROM care_events WHERE client_id = ? OR clinician_id = ?", [id, id])
            try db.run("DELETE FROM shares WHERE client_id = ? OR clinician_id = ?", [id, id])
            for table in [
                "api_tokens", "web_sessions", "account_recovery", "intake_drafts", "intakes", "programs", "screens", "session_logs",
                "checkins", "reminders", "push_subscriptions",
            ] {
                try db.run("DELETE FROM \(table) WHERE user_id = ?", [id])
            }
            try db.run("DELETE FROM users WHERE id = ?", [id])
            return report
        }
    }
}
