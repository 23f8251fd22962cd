import BackCoachStorage
import Foundation

/// Her side of sharing: a one-time code for one clinician, who has access and since when, everything they saw and
/// changed, and revoking at once.
public struct ShareService: Sendable {
    let context: ServiceContext

    /// How long a code waits for its clinician.
    public static let codeLifetime: TimeInterval = 7 * 24 * 3600
    /// What a clinician sees, in her words (shown before she makes a code, and in the list).
    public static let whatIsShared = [
        "Your daily pain check-ins and the activities you score (PSFS)",
        "Your sessions and what you said about each exercise",
        "Your safety-check answers and what they meant",
        "Your answers to the starting questions, and your plan",
    ]
    /// Letters and digits that can't be mistaken for each other when read aloud or typed from paper.
    static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTVWXYZ23456789")

    public struct Invitation: Sendable, Equatable {
        public let shareID: UUID
        /// Shown once: "K7QM-2HXD-9RTV".
        public let code: String
        public let link: String
        public let expiresAt: Date
    }

    /// One of her shares, as she sees it.
    public struct Entry: Sendable, Equatable {
        public enum Status: String, Sendable { case waiting, expired, open, revoked }
        public let id: UUID
        public let status: Status
        public let clinicianName: String?
        public let profession: String?
        public let createdAt: Date
        public let acceptedAt: Date?
        public let revokedAt: Date?
        public let expiresAt: Date
    }

    /// A line of her care-team log with the clinician's name.
    public struct LogLine: Sendable, Equatable {
        public let event: CareEvent
        public let clinicianName: String
    }

    public func createInvitation(for user: User) async throws -> Invitation {
        guard user.role == .client else { throw ServiceError.forbidden("Sharing is for the mother's own account.") }
        let code = Self.newCode()
        let now = context.now()
        let share = Share(client: user.id, codeHash: Self.hash(code: code), createdAt: now, expiresAt: now + Self.codeLifetime)
        do {
            try await context.store.addShare(share)
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        let link = "\(context.publicBaseURL)/clinician/link?code=\(code)"
        return Invitation(shareID: share.id, code: code, link: link, expiresAt: share.expiresAt)
    }

    public func shares(for user: User) async throws -> [Entry] {
        let now = context.now()
        var entries: [Entry] = []
        for share in try await context.store.shares(client: user.id) {
            let clinician = try await share.clinician.asyncMap { try await context.store.user(id: $0) } ?? nil
            let status: Entry.Status =
                share.revokedAt != nil ? .revoked : share.clinician != nil ? .open : share.expiresAt > now ? .waiting : .expired
            entries.append(
                Entry(
                    id: share.id, status: status, clinicianName: clinician?.displayName, profession: clinician?.profession,
                    createdAt: share.createdAt, acceptedAt: share.acceptedAt, revokedAt: share.revokedAt, expiresAt: share.expiresAt))
        }
        return entries
    }

    /// Ends a share (or an unused code) at once: the clinician's next request gets nothing.
    public func revoke(_ id: UUID, for user: User) async throws {
        guard try await context.store.revokeShare(id, client: user.id, now: context.now()) else {
            throw ServiceError.notFound("There is no open share with that id. It may already be stopped.")
        }
    }

    public func log(for user: User, limit: Int = 100) async throws -> [LogLine] {
        var names: [UserID: String] = [:]
        var lines: [LogLine] = []
        for event in try await context.store.careEvents(client: user.id, limit: limit) {
            if names[event.clinician] == nil {
                names[event.clinician] = try await context.store.user(id: event.clinician)?.displayName ?? "A clinician"
            }
            lines.append(LogLine(event: event, clinicianName: names[event.clinician]!))
        }
        return lines
    }

    static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<12).map { _ in codeAlphabet[Int.random(in: 0..<codeAlphabet.count, using: &generator)] }
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The code as typed, in capitals, without spaces or dashes, hashed: "k7qm 2hxd-9rtv" is the same code.
    static func hash(code: String) -> String {
        Secrets.hash(String(code.uppercased().filter { $0.isLetter || $0.isNumber }))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
