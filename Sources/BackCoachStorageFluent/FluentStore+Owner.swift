import BackCoachStorage
import SQLKit

/// Writes that belong to one account, and what they say when the account is gone.
extension FluentStore {
    /// Runs a write that needs her account row; when it fails because the account was erased meanwhile (a foreign
    /// key, on either database), says so as `StorageError.userNotFound` instead of a database error.
    func ownerMustExist<T>(_ user: UserID, _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let failure {
            let owner: User?
            do {
                owner = try await self.user(id: user)
            } catch {
                throw failure  // if even the look-up fails, the first error is the one worth reporting
            }
            if owner == nil { throw StorageError.userNotFound }
            throw failure
        }
    }

    /// An UPDATE of no row is no error to SQL, so the row count says whether her account is still there.
    public func setPlace(country: String?, timeZone: String?, for user: UserID) async throws {
        let updated = try await write {
            try await $0.update("users").set("country", to: country).set("time_zone", to: timeZone)
                .where("id", .equal, user.rawValue).returning("id").all().count
        }
        if updated == 0 { throw StorageError.userNotFound }
    }

    public func setPasswordHash(_ hash: String, for user: UserID) async throws {
        try await write { try await $0.update("users").set("password_hash", to: hash).where("id", .equal, user.rawValue).run() }
    }

    public func endSessions(for user: UserID) async throws {
        try await transaction { sql in
            try await sql.delete(from: "web_sessions").where("user_id", .equal, user.rawValue).run()
            try await sql.delete(from: "api_tokens").where("user_id", .equal, user.rawValue).run()
        }
    }

    /// Locks her account row for the rest of the transaction and says whether it exists. Every transaction that writes her rows takes this lock first, so
    /// they queue in one order and never deadlock, an erasure included.
    func lockOwner(_ sql: any SQLDatabase, _ user: UserID) async throws -> Bool {
        try await sql.raw("SELECT id FROM users WHERE id = \(bind: user.rawValue) FOR UPDATE").first() != nil
    }

    public func setEmail(_ email: String, for user: UserID) async throws {
        do {
            try await write { try await $0.update("users").set("email", to: email).where("id", .equal, user.rawValue).run() }
        } catch {
            // A unique-constraint failure reads differently on each database; ask instead of parsing it.
            if let owner = try await self.user(email: email), owner.id != user { throw StorageError.emailTaken }
            throw error
        }
    }
}
