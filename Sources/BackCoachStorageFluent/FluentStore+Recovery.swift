import BackCoachStorage
import Foundation
import SQLKit

/// Recovery codes and reset links, as hashes.
extension FluentStore {
    public func replaceRecoveryCodes(_ hashes: [String], for user: UserID) async throws {
        try await ownerMustExist(user) {
            try await transaction { sql in
                try await sql.delete(from: "account_recovery").where("user_id", .equal, user.rawValue)
                    .where("kind", .equal, RecoveryKind.code.rawValue).run()
                for hash in hashes {
                    try await sql.insert(into: "account_recovery").columns("secret_hash", "user_id", "kind")
                        .values(SQLBind(hash), SQLBind(user.rawValue), SQLBind(RecoveryKind.code.rawValue)).run()
                }
            }
        }
    }

    public func recoveryCodesLeft(for user: UserID) async throws -> Int {
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("account_recovery")
            .where("user_id", .equal, user.rawValue).where("kind", .equal, RecoveryKind.code.rawValue)
            .where(SQLColumn("used_at"), .is, SQLLiteral.null).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    public func rememberDevice(hash: String, for user: UserID) async throws {
        try await ownerMustExist(user) {
            try await write { sql in
                try await sql.insert(into: "account_recovery").columns("secret_hash", "user_id", "kind")
                    .values(SQLBind(hash), SQLBind(user.rawValue), SQLBind(RecoveryKind.device.rawValue)).run()
            }
        }
    }

    public func isKnownDevice(hash: String, for user: UserID) async throws -> Bool {
        try await sql.select().column("secret_hash").from("account_recovery").where("secret_hash", .equal, hash)
            .where("user_id", .equal, user.rawValue).where("kind", .equal, RecoveryKind.device.rawValue).first() != nil
    }

    public func addResetLink(hash: String, for user: UserID, expiresAt: Date) async throws {
        try await ownerMustExist(user) {
            try await write { sql in
                try await sql.insert(into: "account_recovery").columns("secret_hash", "user_id", "kind", "expires_at")
                    .values(
                        SQLBind(hash), SQLBind(user.rawValue), SQLBind(RecoveryKind.link.rawValue), SQLBind(expiresAt.timeIntervalSince1970)
                    )
                    .run()
            }
        }
    }

    public func redeemRecovery(hash: String, kind: RecoveryKind, user: UserID?, now: Date) async throws -> UserID? {
        let at = now.timeIntervalSince1970
        // One conditional UPDATE: of two redemptions at once, only one finds the secret still unused.
        let owner = user.map { SQLQueryString("AND user_id = \(bind: $0.rawValue)") } ?? SQLQueryString("")
        let row = try await write { sql in
            try await sql.raw(
                """
                UPDATE account_recovery SET used_at = \(bind: at) WHERE secret_hash = \(bind: hash) AND kind = \(bind: kind.rawValue) \
                AND used_at IS NULL AND (expires_at IS NULL OR expires_at > \(bind: at)) \(owner) RETURNING user_id
                """
            ).first()
        }
        return try row.map { UserID(try $0.decode(column: "user_id", as: UUID.self)) }
    }
}
