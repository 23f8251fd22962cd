import Foundation

/// Shares between a mother and her clinician, and the log of what each clinician saw and changed.
public protocol CareTeamStore: Sendable {
    /// Stores a new invitation (its code's hash only), waiting for one clinician until it expires.
    /// Throws `StorageError.userNotFound` when her account is gone.
    func addShare(_ share: Share) async throws
    /// Redeems an unused, unrevoked, unexpired invitation for `clinician`, and logs it, in one transaction. Two
    /// redemptions of one code: exactly one succeeds. Nil when there is no such invitation.
    func acceptShare(codeHash: String, clinician: UserID, now: Date) async throws -> Share?
    /// Her shares, invitations included, newest first.
    func shares(client: UserID) async throws -> [Share]
    /// The clinician's open shares (accepted, not revoked), oldest first.
    func shares(clinician: UserID) async throws -> [Share]
    /// The open share that lets `clinician` see `client` now, or nil: every clinician request asks, so a revoked
    /// share stops the next request.
    func activeShare(client: UserID, clinician: UserID) async throws -> Share?
    /// Ends the share at once, with every other open share of hers with the same clinician, and logs it. False when
    /// there was no open share or invitation of hers with that id.
    func revokeShare(_ id: UUID, client: UserID, now: Date) async throws -> Bool
    /// Adds a line to her log if the share is still open (checked in the same transaction); false when it is not.
    func logCareEvent(_ event: CareEvent) async throws -> Bool
    /// Her log, newest first.
    func careEvents(client: UserID, limit: Int) async throws -> [CareEvent]
    /// A clinician's change to her program record. In one transaction, queued behind every other change to her record
    /// (her account row), it checks that the share is still open, hands her record to `change`, and stores the new
    /// record with the log line `change` returns. Throws `StorageError.shareEnded` when the share is not open,
    /// `.userNotFound` when her account is gone.
    func adjustProgram<Result: Sendable>(
        client: UserID, clinician: UserID,
        _ change: @escaping @Sendable (ProgramRecord?) throws -> (record: ProgramRecord, event: CareEvent, result: Result)
    ) async throws -> Result
}

public enum AccountRole: String, Codable, Sendable, CaseIterable {
    /// A mother following her own plan.
    case client
    /// Someone a mother shares her record with; sees only what is shared, never changes her answers.
    case clinician
}

/// One mother's permission for one clinician: an invitation until a clinician redeems its code.
public struct Share: Equatable, Sendable {
    public let id: UUID
    public let client: UserID
    /// Nil until a clinician redeems the code.
    public var clinician: UserID?
    /// SHA-256 of the one-time code; the code itself is shown to her once.
    public let codeHash: String
    public let createdAt: Date
    public let expiresAt: Date
    public var acceptedAt: Date?
    public var revokedAt: Date?

    public init(
        id: UUID = UUID(), client: UserID, clinician: UserID? = nil, codeHash: String, createdAt: Date, expiresAt: Date,
        acceptedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.client = client
        self.clinician = clinician
        self.codeHash = codeHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedAt = acceptedAt
        self.revokedAt = revokedAt
    }

    /// A clinician has it and she has not revoked it.
    public var isOpen: Bool { clinician != nil && revokedAt == nil }

    /// An invitation still waiting for its clinician.
    public func isWaiting(now: Date) -> Bool { clinician == nil && revokedAt == nil && expiresAt > now }
}

/// One line of her care-team log: what a clinician saw or changed, and why.
public struct CareEvent: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case linked, viewed, adjusted, exported, revoked
    }

    public let id: UUID
    public let shareID: UUID
    public let client: UserID
    public let clinician: UserID
    public let at: Date
    public let kind: Kind
    /// What happened, in plain words for her ("Set your pain limit to 5 out of 10.").
    public let summary: String
    /// The clinician's reason, for a change.
    public let reason: String?

    public init(
        id: UUID = UUID(), shareID: UUID, client: UserID, clinician: UserID, at: Date, kind: Kind, summary: String, reason: String? = nil
    ) {
        self.id = id
        self.shareID = shareID
        self.client = client
        self.clinician = clinician
        self.at = at
        self.kind = kind
        self.summary = summary
        self.reason = reason
    }
}
