import BackCoachStorage
import Foundation
import GRDB

/// Shares with clinicians and her care-team log. Every write runs on the single writer, so a revocation and a
/// clinician's change queue in one order, and the open-share check and the change happen together.
extension SQLiteStore {
    public func addShare(_ share: Share) async throws {
        try await writeOwned(share.client) { db in
            try db.run(
                "INSERT INTO shares (id, client_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                [
                    share.id.text, share.client.text, share.codeHash, share.createdAt.timeIntervalSince1970,
                    share.expiresAt.timeIntervalSince1970,
                ])
        }
    }

    public func acceptShare(codeHash: String, clinician: UserID, now: Date) async throws -> Share? {
        try await write { db in
            // One UPDATE decides: of two redemptions at once, only one finds the row still waiting.
            guard
                let row = try db.row(
                    """
                    UPDATE shares SET clinician_id = ?, accepted_at = ? WHERE code_hash = ? AND clinician_id IS NULL \
                    AND revoked_at IS NULL AND expires_at > ? RETURNING *
                    """, [clinician.text, now.timeIntervalSince1970, codeHash, now.timeIntervalSince1970])
            else { return nil }
            let share = try Self.share(from: row)
            try Self.insert(Self.linkedEvent(share, now: now), into: db)
            return share
        }
    }

    public func shares(client: UserID) async throws -> [Share] {
        try readOneStatement { db in
            try db.rows("SELECT * FROM shares WHERE client_id = ? ORDER BY created_at DESC, id DESC", [client.text]).map(Self.share(from:))
        }
    }

    public func shares(clinician: UserID) async throws -> [Share] {
        try readOneStatement { db in
            try db.rows("SELECT * FROM shares WHERE clinician_id = ? AND revoked_at IS NULL ORDER BY created_at", [clinician.text])
                .map(Self.share(from:))
        }
    }

    public func activeShare(client: UserID, clinician: UserID) async throws -> Share? {
        try readOneStatement { try Self.openShare($0, client: client, clinician: clinician) }
    }

    public func revokeShare(_ id: UUID, client: UserID, now: Date) async throws -> Bool {
        try await write { db in
            guard
                let row = try db.row("SELECT * FROM shares WHERE id = ? AND client_id = ? AND revoked_at IS NULL", [id.text, client.text])
            else { return false }
            let share = try Self.share(from: row)
            let at = now.timeIntervalSince1970
            try db.run("UPDATE shares SET revoked_at = ? WHERE id = ?", [at, id.text])
            if let clinician = share.clinician {
                // Every other open share of hers with the same clinician ends too: revoking means that person.
                try db.run(
                    "UPDATE shares SET revoked_at = ? WHERE client_id = ? AND clinician_id = ? AND revoked_at IS NULL",
                    [at, client.text, clinician.text])
                try Self.insert(Self.revokedEvent(share, clinician: clinician, now: now), into: db)
            }
            return true
        }
    }

    public func logCareEvent(_ event: CareEvent) async throws -> Bool {
        try await write { db in
            guard
                try db.row("SELECT id FROM shares WHERE id = ? AND clinician_id IS NOT NULL AND revoked_at IS NULL", [event.shareID.text])
                    != nil
            else { return false }
            try Self.insert(event, into: db)
            return true
        }
    }

    public func careEvents(client: UserID, limit: Int) async throws -> [CareEvent] {
        try readOneStatement { db in
            try db.rows("SELECT * FROM care_events WHERE client_id = ? ORDER BY at DESC LIMIT ?", [client.text, limit]).map(
                Self.careEvent(from:))
        }
    }

    public func adjustProgram<Result: Sendable>(
        client: UserID, clinician: UserID,
        _ change: @escaping @Sendable (ProgramRecord?) throws -> (record: ProgramRecord, event: CareEvent, result: Result)
    ) async throws -> Result {
        try await writeOwned(client) { db in
            guard try Self.openShare(db, client: client, clinician: clinician) != nil else { throw StorageError.shareEnded }
            let update = try change(try program(db, client))
            try Self.storeProgram(db, client, update.record)
            try Self.insert(update.event, into: db)
            return update.result
        }
    }

    static func openShare(_ db: Database, client: UserID, clinician: UserID) throws -> Share? {
        try db.row(
            "SELECT * FROM shares WHERE client_id = ? AND clinician_id = ? AND revoked_at IS NULL ORDER BY created_at LIMIT 1",
            [client.text, clinician.text]
        ).map(Self.share(from:))
    }

    static func insert(_ event: CareEvent, into db: Database) throws {
        try db.run(
            "INSERT INTO care_events (id, share_id, client_id, clinician_id, at, kind, summary, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                event.id.text, event.shareID.text, event.client.text, event.clinician.text, event.at.timeIntervalSince1970,
                event.kind.rawValue,
                event.summary, event.reason,
            ])
    }
}
