import BackCoachAPI
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation

/// /api/v1/clinician/...: the same operations as the clinician's pages, through the same service.
extension APIHandler {
    func createClinicianAccount(_ input: Operations.CreateClinicianAccount.Input) async throws -> Operations.CreateClinicianAccount.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try await services.accounts.signUp(
            email: body.email, password: body.password, timeZone: body.timeZone, address: APICall.clientAddress,
            clinician: (body.name, body.profession))
        let token = try await services.accounts.issueToken(for: user.id)
        return .created(.init(body: .json(.init(id: user.id.description, token: token))))
    }

    func linkClient(_ input: Operations.LinkClient.Input) async throws -> Operations.LinkClient.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let listing = try await services.clinician.link(code: body.code, for: try APICall.requireUser())
        return .created(.init(body: .json(Self.wire(listing.client, share: listing.share, alerts: listing.alerts))))
    }

    func listClients(_ input: Operations.ListClients.Input) async throws -> Operations.ListClients.Output {
        let listings = try await services.clinician.clients(for: try APICall.requireUser())
        return .ok(.init(body: .json(.init(clients: listings.map { Self.wire($0.client, share: $0.share, alerts: $0.alerts) }))))
    }

    func getClient(_ input: Operations.GetClient.Input) async throws -> Operations.GetClient.Output {
        let user = try APICall.requireUser()
        let record = try await services.clinician.client(try Self.clientID(input.path.clientId), for: user)
        return .ok(.init(body: .json(try Self.wire(record, clinicianName: user.displayName ?? user.email))))
    }

    func adjustClient(_ input: Operations.AdjustClient.Input) async throws -> Operations.AdjustClient.Output {
        let user = try APICall.requireUser()
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let record = try await services.clinician.adjust(
            try Self.adjustment(body), reason: body.reason, client: try Self.clientID(input.path.clientId), for: user)
        return .ok(.init(body: .json(try Self.wire(record, clinicianName: user.displayName ?? user.email))))
    }

    func exportClientFHIR(_ input: Operations.ExportClientFHIR.Input) async throws -> Operations.ExportClientFHIR.Output {
        let bundle = try await services.clinician.fhirExport(of: try Self.clientID(input.path.clientId), for: try APICall.requireUser())
        return .ok(
            .init(headers: .init(contentDisposition: ExportFile.fhir.disposition), body: .applicationFhirJson(try Self.resource(bundle))))
    }

    static func clientID(_ text: String) throws -> UserID {
        guard let id = UUID(uuidString: text) else { throw Problem.badRequest("clientId must be a client's id (a UUID).") }
        return UserID(id)
    }

    static func adjustment(_ body: Components.Schemas.Adjustment) throws -> ClinicianService.Adjustment {
        func needed<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else { throw ServiceError.invalid("\(field) is required for this kind of change.", field: field) }
            return value
        }
        switch body.kind {
        case .painCeiling: return .painCeiling(body.painCeiling)
        case .exclude: return .exclude(exerciseID: try needed(body.exercise, "exercise"))
        case .allow: return .allow(exerciseID: try needed(body.exercise, "exercise"))
        case .confirmGate: return .confirmGate(PhaseGate(rawValue: try needed(body.gate, "gate").rawValue)!)
        case .schedule: return .schedule(sessionsPerWeek: body.sessionsPerWeek, minutesPerDay: body.minutesPerDay)
        case .note: return .note(body.note)
        }
    }
}
