import BackCoachAPI
import BackCoachServices
import Foundation
import OpenAPIRuntime

/// Her own data as files (CSV, FHIR), the private calendar feed and its link, and the public PSFS Questionnaire
/// the FHIR export points to. The bodies are the export service's, byte for byte in meaning.
extension APIHandler {
    func exportCSV(_ input: Operations.ExportCSV.Input) async throws -> Operations.ExportCSV.Output {
        let text = try await services.exports.csv(for: try APICall.requireUser())
        return .ok(.init(headers: .init(contentDisposition: ExportFile.csv.disposition), body: .csv(HTTPBody(text))))
    }

    func exportFHIR(_ input: Operations.ExportFHIR.Input) async throws -> Operations.ExportFHIR.Output {
        let bundle = try await services.exports.fhir(for: try APICall.requireUser())
        return .ok(
            .init(headers: .init(contentDisposition: ExportFile.fhir.disposition), body: .applicationFhirJson(try Self.resource(bundle))))
    }

    func getPSFSQuestionnaire(_ input: Operations.GetPSFSQuestionnaire.Input) async throws -> Operations.GetPSFSQuestionnaire.Output {
        .ok(.init(body: .applicationFhirJson(try Self.resource(try services.exports.questionnaire()))))
    }

    func getCalendarLink(_ input: Operations.GetCalendarLink.Input) async throws -> Operations.GetCalendarLink.Output {
        .ok(.init(body: .json(try Wire.convert(services.calendar.link(for: try APICall.requireUser())))))
    }

    func rotateCalendarLink(_ input: Operations.RotateCalendarLink.Input) async throws -> Operations.RotateCalendarLink.Output {
        .created(.init(body: .json(try Wire.convert(try await services.calendar.rotate(for: try APICall.requireUser())))))
    }

    /// `SECRET.ics`: a calendar app polls it with no sign-in, so the secret in the address is the key.
    func getCalendarFeed(_ input: Operations.GetCalendarFeed.Input) async throws -> Operations.GetCalendarFeed.Output {
        let name = input.path.feed
        guard name.hasSuffix(".ics") else {
            throw Problem.notFound("There is no calendar at this address. It may have been replaced; copy the new link from BackCoach.")
        }
        let text = try await services.calendar.feed(secret: String(name.dropLast(4)))
        return .ok(.init(headers: .init(cacheControl: "private, max-age=900"), body: .textCalendar(HTTPBody(text))))
    }

    /// A FHIR resource as the export service wrote it; every field is kept (the document allows any).
    static func resource(_ data: Data) throws -> Components.Schemas.FHIRResource {
        try JSONDecoder().decode(Components.Schemas.FHIRResource.self, from: data)
    }
}
