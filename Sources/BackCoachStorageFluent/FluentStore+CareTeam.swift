import BackCoachStorage
import Foundation
import SQLKit

/// Shares with clinicians and her care-team log. Every write that concerns her record takes her account row first
/// (`lockOwner`), so a revocation and a clinician's change queue in one order.
extension FluentStore {
    public func addShare(_ share: Share) async throws {
        try await ownerMustExist(share.client) {
            try await write { sql in
                try await sql.insert(into: "shares").columns("id", "client_id", "code_hash", "created_at", "expires_at")
                    .values(
                        SQLBind(share.id), SQLBind(share.client.rawValue), SQLBind(share.codeHash),
                        SQLBind(share.createdAt.timeIntervalSince1970), SQLBind(share.expiresAt.timeIntervalSince1970)
                    ).run()
            }
        }
    }

    public func acceptShare(codeHash: String, clinician: UserID, now: Date) async throws -> Share? {
        try await transaction { sql in
            // One UPDATE decides: of two redemptions at once, only one finds the row still waiting.
            guard
                let row = try await sql.update("shares").set("clinician_id", to: clinician.rawValue)
                    .set("accepted_at", to: now.timeIntervalSince1970)
                    .where("code_hash", .equal, codeHash).where("clinician_id", .is, SQLLiteral.null)
                    .where("revoked_at", .is, SQLLiteral.null).where("expires_at", .greaterThan, now.timeIntervalSince1970)
                    .returning(SQLLiteral.all).first()
            else { return nil }
            let share = try Self.share(from: row)
            try await Self.insert(Self.linkedEvent(share, now: now), into: sql)
            return share
        }
    }

    public func shares(client: UserID) async throws -> [Share] {
        try await sql.select().columns("*").from("shares").where("client_id", .equal, client.rawValue)
            .orderBy("created_at", .descending).orderBy("id", .descending).all().map(Self.share(from:))
    }

    public func shares(clinician: UserID) async throws -> [Share] {
        try await sql.select().columns("*").from("shares").where("clinician_id", .equal, clinician.rawValue)
            .where("revoked_at", .is, SQLLiteral.null).orderBy("created_at").all().map(Self.share(from:))
    }

    public func activeShare(client: UserID, clinician: UserID) async throws -> Share? {
        try await Self.openShare(sql, client: client, clinician: clinician)
    }

    public func revokeShare(_ id: UUID, client: UserID, now: Date) async throws -> Bool {
        try await transaction { sql in
            guard try await self.lockOwner(sql, client),
                let row = try await sql.select().columns("*").from("shares").where("id", .equal, id)
                    .where("client_id", .equal, client.rawValue).where("revoked_at", .is, SQLLiteral.null).first()
            else { return false }
            let share = try Self.share(from: row)
            let at = now.timeIntervalSince1970
            try await sql.update("shares").set("revoked_at", to: at).where("id", .equal, id).run()
            if let clinician = share.clinician {
                // Every other open share of hers with the same clinician ends too: revoking means that person.
                try await sql.update("shares").set("revoked_at", to: at).where("client_id", .equal, client.rawValue)
                    .where("clinician_id", .equal, clinician.rawValue).where("revoked_at", .is, SQLLiteral.null).run()
                try await Self.insert(Self.revokedEvent(share, clinician: clinician, now: now), into: sql)
            }
            return true
        }
    }

    public func logCareEvent(_ event: CareEvent) async throws -> Bool {
        try await transaction { sql in
            guard
                try await sql.select().column("id").from("shares").where("id", .equal, event.shareID)
                    .where("clinician_id", .isNot, SQLLiteral.null).where("revoked_at", .is, SQLLiteral.null).first() != nil
            else { return false }
            try await Self.insert(event, into: sql)
            return true
        }
    }

    public func careEvents(client: UserID, limit: Int) async throws -> [CareEvent] {
        try await sql.select().columns("*").from("care_events").where("client_id", .equal, client.rawValue)
            .orderBy("at", .descending).limit(limit).all().map(Self.careEvent(from:))
    }

    public func adjustProgram<Result: Sendable>(
        client: UserID, clinician: UserID,
        _ change: @escaping @Sendable (ProgramRecord?) throws -> (record: ProgramRecord, event: CareEvent, result: Result)
    ) async throws -> Result {
        try await transaction { sql in
            guard try await self.lockOwner(sql, client) else { throw StorageError.userNotFound }
            guard try await Self.openShare(sql, client: client, clinician: clinician) != nil else { throw StorageError.shareEnded }
            let update = try change(try await self.program(sql, client))
            try await Self.updateProgram(sql, client, try JSONText.encode(update.record))
            try await Self.insert(update.event, into: sql)
            return update.result
        }
    }

    /// Removes every share and log line of an account (a mother's, or a clinician's with every mother); returns how
    /// many shares went. Runs inside the erasure's transaction.
    func deleteShares(_ sql: any SQLDatabase, of user: UserID) async throws -> Int {
        let id = user.rawValue
        let count =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("shares")
            .where("client_id", .equal, id).orWhere("clinician_id", .equal, id).first()?.decode(column: "n", as: Int.self) ?? 0
        try await sql.delete(from: "care_events").where("client_id", .equal, id).orWhere("clinician_id", .equal, id).run()
        try await sql.delete(from: "shares").where("client_id", .equal, id).orWhere("clinician_id", .equal, id).run()
        return count
    }

    static func openShare(_ sql: any SQLDatabase, client: UserID, clinician: UserID) async throws -> Share? {
        try await sql.select().columns("*").from("shares").where("client_id", .equal, client.rawValue)
            .where("clinician_id", .equal, clinician.rawValue).where("revoked_at", .is, SQLLiteral.null)
            .orderBy("created_at").limit(1).first().map(Self.share(from:))
    }

    static func insert(_ event: CareEvent, into sql: any SQLDatabase) async throws {
        try await sql.insert(into: "care_events")
            .columns("id", "share_id", "client_id", "clinician_id", "at", "kind", "summary", "reason")
            .values(
                SQLBind(event.id), SQLBind(event.shareID), SQLBind(event.client.rawValue), SQLBind(event.clinician.rawValue),
                SQLBind(event.at.timeIntervalSince1970), SQLBind(event.kind.rawValue), SQLBind(event.summary), SQLBind(event.reason)
            ).run()
    }

    static func share(from row: any SQLRow) throws -> Share {
        Share(
            id: try row.decode(column: "id", as: UUID.self),
            client: UserID(try row.decode(column: "client_id", as: UUID.self)),
            clinician: try row.decode(column: "clinician_id", as: UUID?.self).map(UserID.init),
            codeHash: try row.decode(column: "code_hash", as: String.self),
            createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)),
            expiresAt: Date(timeIntervalSince1970: try row.decode(column: "expires_at", as: Double.self)),
            acceptedAt: try row.decode(column: "accepted_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
            revokedAt: try row.decode(column: "revoked_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)))
    }

    static func careEvent(from row: any SQLRow) throws -> CareEvent {
        let kind = try row.decode(column: "kind", as: String.self)
        guard let parsed = CareEvent.Kind(rawValue: kind) else { throw JSONText.CorruptValue(column: "kind") }
        return CareEvent(
            id: try row.decode(column: "id", as: UUID.self),
            shareID: try row.decode(column: "share_id", as: UUID.self),
            client: UserID(try row.decode(column: "client_id", as: UUID.self)),
            clinician: UserID(try row.decode(column: "clinician_id", as: UUID.self)),
            at: Date(timeIntervalSince1970: try row.decode(column: "at", as: Double.self)),
            kind: parsed, summary: try row.decode(column: "summary", as: String.self),
            reason: try row.decode(column: "reason", as: String?.self))
    }
}
