import BackCoachStorage
import Foundation
import GRDB

/// Recovery codes, remembered devices, reset links and sign-in attempts, as hashes.
extension SQLiteStore {
    public func replaceRecoveryCodes(_ hashes: [String], for user: UserID) async throws {
        try await writeOwned(user) { db in
            try db.run("DELETE FROM account_recovery WHERE user_id = ? AND kind = ?", [user.text, RecoveryKind.code.rawValue])
            for hash in hashes {
                try db.run(
                    "INSERT INTO account_recovery (secret_hash, user_id, kind) VALUES (?, ?, ?)",
                    [hash, user.text, RecoveryKind.code.rawValue])
            }
        }
    }

    public func recoveryCodesLeft(for user: UserID) async throws -> Int {
        try readOneStatement { db in
            try db.count(
                "SELECT COUNT(*) FROM account_recovery WHERE user_id = ? AND kind = ? AND used_at IS NULL",
                [user.text, RecoveryKind.code.rawValue])
        }
    }

    public func rememberDevice(hash: String, for user: UserID) async throws {
        try await writeOwned(user) { db in
            try db.run(
                "INSERT INTO account_recovery (secret_hash, user_id, kind) VALUES (?, ?, ?)",
                [hash, user.text, RecoveryKind.device.rawValue])
        }
    }

    public func isKnownDevice(hash: String, for user: UserID) async throws -> Bool {
        try readOneStatement { db in
            try db.row(
                "SELECT secret_hash FROM account_recovery WHERE secret_hash = ? AND user_id = ? AND kind = ?",
                [hash, user.text, RecoveryKind.device.rawValue]) != nil
        }
    }

    public func addResetLink(hash: String, for user: UserID, expiresAt: Date) async throws {
        try await writeOwned(user) { db in
            try db.run(
                "INSERT INTO account_recovery (secret_hash, user_id, kind, expires_at) VALUES (?, ?, ?, ?)",
                [hash, user.text, RecoveryKind.link.rawValue, expiresAt.timeIntervalSince1970])
        }
    }

    public func redeemRecovery(hash: String, kind: RecoveryKind, user: UserID?, now: Date) async throws -> UserID? {
        let at = now.timeIntervalSince1970
        // One conditional UPDATE: of two redemptions at once, only one finds the secret still unused.
        return try await write { db in
            try db.row(
                """
                UPDATE account_recovery SET used_at = ?1 WHERE secret_hash = ?2 AND kind = ?3 AND used_at IS NULL \
                AND (expires_at IS NULL OR expires_at > ?1) AND (?4 IS NULL OR user_id = ?4) RETURNING user_id
                """, [at, hash, kind.rawValue, user?.text]
            ).map { UserID(try $0.value("user_id")) }
        }
    }

    public func recordAttempt(_ id: UUID, key: String, now: Date, window: TimeInterval) async throws -> [Date] {
        try await write { db in
            try db.run("INSERT INTO login_failures (id, key, at) VALUES (?, ?, ?)", [id.text, key, now.timeIntervalSince1970])
            return try Self.failures(db, key: key, now: now, window: window)
        }
    }

    public func forgetAttempts(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await write { db in
            for id in ids { try db.run("DELETE FROM login_failures WHERE id = ?", [id.text]) }
        }
    }

    public func failures(key: String, now: Date, window: TimeInterval) async throws -> [Date] {
        try await write { try Self.failures($0, key: key, now: now, window: window) }
    }

    public func clearFailures(key: String) async throws {
        try await write { try $0.run("DELETE FROM login_failures WHERE key = ?", [key]) }
    }

    /// Prunes the failures too old to count (the table stays small), then lists the rest.
    static func failures(_ db: Database, key: String, now: Date, window: TimeInterval) throws -> [Date] {
        let start = now.addingTimeInterval(-window).timeIntervalSince1970
        try db.run("DELETE FROM login_failures WHERE key = ? AND at <= ?", [key, start])
        return try Double.fetchAll(
            db.cachedStatement(sql: "SELECT at FROM login_failures WHERE key = ? AND at > ? AND at <= ? ORDER BY at"),
            arguments: [key, start, now.timeIntervalSince1970]
        ).map(Date.init(timeIntervalSince1970:))
    }
}
