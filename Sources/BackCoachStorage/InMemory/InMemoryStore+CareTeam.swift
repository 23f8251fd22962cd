import Foundation

// An actor runs one call at a time and none of these suspends, so each read-decide-write is one step.
extension InMemoryStore {
    public func addShare(_ share: Share) throws {
        guard users[share.client] != nil else { throw StorageError.userNotFound }
        careShares[share.id] = share
    }

    public func acceptShare(codeHash: String, clinician: UserID, now: Date) throws -> Share? {
        guard users[clinician] != nil else { throw StorageError.userNotFound }
        guard var share = careShares.values.first(where: { $0.codeHash == codeHash }), share.isWaiting(now: now) else { return nil }
        share.clinician = clinician
        share.acceptedAt = now
        careShares[share.id] = share
        careLog.append(Self.linkedEvent(share, now: now))
        return share
    }

    public func shares(client: UserID) -> [Share] {
        careShares.values.filter { $0.client == client }.sorted { ($0.createdAt, $0.id.uuidString) > ($1.createdAt, $1.id.uuidString) }
    }

    public func shares(clinician: UserID) -> [Share] {
        careShares.values.filter { $0.clinician == clinician && $0.isOpen }.sorted { $0.createdAt < $1.createdAt }
    }

    public func activeShare(client: UserID, clinician: UserID) -> Share? {
        shares(clinician: clinician).first { $0.client == client }
    }

    public func revokeShare(_ id: UUID, client: UserID, now: Date) -> Bool {
        guard let share = careShares[id], share.client == client, share.revokedAt == nil else { return false }
        let ending = careShares.values.filter {
            $0.id == id || ($0.client == client && $0.revokedAt == nil && $0.clinician != nil && $0.clinician == share.clinician)
        }
        for var ended in ending {
            ended.revokedAt = now
            careShares[ended.id] = ended
        }
        if let clinician = share.clinician { careLog.append(Self.revokedEvent(share, clinician: clinician, now: now)) }
        return true
    }

    public func logCareEvent(_ event: CareEvent) -> Bool {
        guard careShares[event.shareID]?.isOpen == true else { return false }
        careLog.append(event)
        return true
    }

    public func careEvents(client: UserID, limit: Int) -> [CareEvent] {
        Array(careLog.filter { $0.client == client }.reversed().prefix(limit))
    }

    public func adjustProgram<Result: Sendable>(
        client: UserID, clinician: UserID,
        _ change: @escaping @Sendable (ProgramRecord?) throws -> (record: ProgramRecord, event: CareEvent, result: Result)
    ) throws -> Result {
        guard users[client] != nil else { throw StorageError.userNotFound }
        guard activeShare(client: client, clinician: clinician) != nil else { throw StorageError.shareEnded }
        let update = try change(programs[client])
        programs[client] = update.record
        careLog.append(update.event)
        return update.result
    }
}

extension CareTeamStore {
    /// The log line every store writes when a clinician redeems her code.
    public static func linkedEvent(_ share: Share, now: Date) -> CareEvent {
        CareEvent(
            shareID: share.id, client: share.client, clinician: share.clinician!, at: now, kind: .linked,
            summary: "Used your sharing code and can now see what you shared.")
    }

    public static func revokedEvent(_ share: Share, clinician: UserID, now: Date) -> CareEvent {
        CareEvent(
            shareID: share.id, client: share.client, clinician: clinician, at: now, kind: .revoked,
            summary: "You stopped sharing. They can no longer see your record.")
    }
}
