import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// The clinician's pages: clients by need, redeeming a code, one client's record, changes to her plan, the printable
/// summary and her FHIR file. Every page goes through `ClinicianService`, which asks for the share on each request.
struct ClinicianPagesController {
    let services: Services
    let renderer: WebRenderer

    var clinician: ClinicianService { services.clinician }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.clinician) { _, context in try await list(context) }
        // The link in her message: the code filled in, one tap to add her.
        router.get(PagePath.clinicianLink) { request, context in
            try await list(context, code: String((request.uri.queryParameters["code"] ?? "").prefix(40)))
        }
        router.post(PagePath.clinicianLink, use: link)
        router.get(PagePath.clinicianClient) { request, context in
            let changed = request.uri.queryParameters["changed"] != nil
            return try await clientPage(context, message: changed ? "Saved. She sees the change and your reason." : nil)
        }
        router.post(PagePath.clinicianAdjust, use: adjust)
        router.get(PagePath.clinicianSummary) { _, context in
            let user = try context.requireClinician()
            let record = try await clinician.client(try clientID(context), for: user, purpose: "Printed a summary of your record.")
            return try renderer.html("pages/clinician-summary", model(record, context, title: "Summary"))
        }
        router.get(PagePath.clinicianExport) { _, context in
            let user = try context.requireClinician()
            return ExportFile.fhir.response(try await clinician.fhirExport(of: try clientID(context), for: user))
        }
    }

    func chrome(_ title: String, _ context: AppRequestContext) -> Chrome {
        Chrome(title: title, context: context, section: .clients, assets: renderer.assets)
    }

    func list(
        _ context: AppRequestContext, code: String = "", error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireClinician()
        let page = ClientListPage.make(
            try await clinician.clients(for: user), clinician: user, code: code, error: error, chrome: chrome("Your clients", context))
        return try renderer.html("pages/clinician-clients", page, status: status)
    }

    @Sendable func link(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireClinician()
        let form = try await request.csrfCheckedForm(context: context)
        do {
            let listing = try await clinician.link(code: form["code"], for: try context.requireClinician())
            return .redirect(to: PagePath.clinicianClient(listing.client.id))
        } catch let error as ServiceError {
            let problem = Problem(error)
            var response = try await list(context, code: form["code"] ?? "", error: error.message, status: problem.status)
            for field in problem.headers { response.headers.append(field) }
            return response
        }
    }

    func clientID(_ context: AppRequestContext) throws -> UserID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw Problem.notFound("No client with that id shares her record with you.")
        }
        return UserID(id)
    }

    func model(
        _ record: ClinicianService.ClientRecord, _ context: AppRequestContext, title: String, message: String? = nil, error: String? = nil
    )
        -> ClientPage
    {
        ClientPage.make(record, catalogue: services.content.catalogue, message: message, error: error, chrome: chrome(title, context))
    }

    func clientPage(
        _ context: AppRequestContext, message: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireClinician()
        let record = try await clinician.client(try clientID(context), for: user)
        return try renderer.html(
            "pages/clinician-client", model(record, context, title: record.client.email, message: message, error: error), status: status)
    }

    @Sendable func adjust(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireClinician()
        let id = try clientID(context)
        let form = try await request.csrfCheckedForm(context: context)
        do {
            _ = try await clinician.adjust(try Self.adjustment(form), reason: form["reason"], client: id, for: user)
            return .redirect(to: PagePath.clinicianClient(id) + "?changed=1#plan")
        } catch let error as ServiceError where error.kind != .notFound && error.kind != .forbidden {
            return try await clientPage(context, error: error.message, status: Problem(error).status)
        }
    }

    /// The form's `kind` and its one value, as the service's adjustment.
    static func adjustment(_ form: FormData) throws -> ClinicianService.Adjustment {
        func number(_ field: String) throws -> Int? {
            guard let text = form[field], !text.isEmpty, text != "default" else { return nil }
            guard let value = Int(text) else { throw ServiceError.invalid("Choose a number from the list.", field: field) }
            return value
        }
        switch form["kind"] {
        case "painCeiling": return .painCeiling(try number("painCeiling"))
        case "exclude": return .exclude(exerciseID: form["exercise"] ?? "")
        case "allow": return .allow(exerciseID: form["exercise"] ?? "")
        case "gate":
            guard let gate = form["gate"].flatMap(PhaseGate.init(rawValue:)) else {
                throw ServiceError.invalid("Choose which check is done.", field: "gate")
            }
            return .confirmGate(gate)
        case "schedule": return .schedule(sessionsPerWeek: try number("sessionsPerWeek"), minutesPerDay: try number("minutesPerDay"))
        case "note": return .note(form["note"])
        default: throw ServiceError.invalid("Choose what to change.", field: "kind")
        }
    }
}
