import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird
import NIOCore

/// Exports of a user's own data, and the public PSFS Questionnaire the FHIR export points to. The settings page
/// serves the same responses to a signed-in browser.
struct ExportController {
    let exports: ExportService

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(RouterPath(ExportService.questionnairePath)) { _, _ in Self.fhirResponse(try exports.questionnaire()) }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/export.csv") { _, context in try await csv(for: try context.requireUser()) }
        group.get("/export.fhir") { _, context in try await fhir(for: try context.requireUser()) }
    }

    func csv(for user: User) async throws -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8; header=present",
                .contentDisposition: "attachment; filename=\"backcoach-export.csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: try await exports.csv(for: user))))
    }

    func fhir(for user: User) async throws -> Response {
        Self.fhirResponse(try await exports.fhir(for: user))
    }

    static func fhirResponse(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/fhir+json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
