import BackCoachAPI
import BackCoachServices
import BackCoachStorage
import Foundation

/// /api/v1/me/shares and /api/v1/me/care-log: her side of sharing with a clinician.
extension APIHandler {
    func listShares(_ input: Operations.ListShares.Input) async throws -> Operations.ListShares.Output {
        let shares = try await services.shares.shares(for: try APICall.requireUser())
        return .ok(.init(body: .json(.init(whatIsShared: ShareService.whatIsShared, shares: try shares.map(Self.wire)))))
    }

    func createShare(_ input: Operations.CreateShare.Input) async throws -> Operations.CreateShare.Output {
        let invitation = try await services.shares.createInvitation(for: try APICall.requireUser())
        return .created(
            .init(
                body: .json(
                    .init(
                        id: invitation.shareID.uuidString.lowercased(), code: invitation.code, link: invitation.link,
                        expiresAt: invitation.expiresAt, whatIsShared: ShareService.whatIsShared))))
    }

    func revokeShare(_ input: Operations.RevokeShare.Input) async throws -> Operations.RevokeShare.Output {
        let user = try APICall.requireUser()
        guard let id = UUID(uuidString: input.path.shareId) else { throw Problem.badRequest("shareId must be a share's id (a UUID).") }
        try await services.shares.revoke(id, for: user)
        return .noContent(.init())
    }

    func getCareLog(_ input: Operations.GetCareLog.Input) async throws -> Operations.GetCareLog.Output {
        let lines = try await services.shares.log(for: try APICall.requireUser())
        return .ok(.init(body: .json(.init(events: lines.map { Self.wire($0.event, clinicianName: $0.clinicianName) }))))
    }

    static func wire(_ entry: ShareService.Entry) throws -> Components.Schemas.Share {
        .init(
            id: entry.id.uuidString.lowercased(), status: try Wire.convert(entry.status.rawValue), clinicianName: entry.clinicianName,
            profession: entry.profession, createdAt: entry.createdAt, acceptedAt: entry.acceptedAt, revokedAt: entry.revokedAt,
            expiresAt: entry.expiresAt)
    }

    static func wire(_ event: CareEvent, clinicianName: String) -> Components.Schemas.CareEvent {
        .init(
            at: event.at, kind: .init(rawValue: event.kind.rawValue)!, clinicianName: clinicianName, summary: event.summary,
            reason: event.reason)
    }
}
