import BackCoachCore
import BackCoachStorage
import Foundation
import Hummingbird
import NIOCore

/// Exports of a user's own data, and the public PSFS Questionnaire the FHIR export points to.
struct ExportController {
    let dependencies: WebDependencies

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(RouterPath(HealthExport.questionnairePath)) { _, _ in
            try Self.fhirResponse(HealthExport.questionnaire(baseURL: dependencies.publicBaseURL))
        }
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/export.csv", use: csv)
        group.get("/export.fhir", use: fhir)
    }

    func export(for user: User) async throws -> HealthExport {
        let all = (LocalDate("1990-01-01")!, LocalDate("2200-01-01")!)
        return HealthExport(
            user: user, checkins: try await dependencies.store.checkins(for: user.id, from: all.0, to: all.1),
            sessions: try await dependencies.store.sessions(for: user.id, from: all.0, to: all.1), baseURL: dependencies.publicBaseURL)
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await csv(for: try context.requireUser())
    }

    func csv(for user: User) async throws -> Response {
        let text = try await export(for: user).csv()
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8; header=present",
                .contentDisposition: "attachment; filename=\"backcoach-export.csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    @Sendable func fhir(_ request: Request, context: AppRequestContext) async throws -> Response {
        try Self.fhirResponse(try await export(for: try context.requireUser()).fhirBundle())
    }

    static func fhirResponse(_ object: [String: Any]) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: .ok, headers: [.contentType: "application/fhir+json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
