import BackCoachStorage
import Foundation
import Hummingbird

/// Calendar feed, exports, pain ceiling, voice, and deleting the account.
struct SettingsController {
    let dependencies: WebDependencies
    let renderer: WebRenderer

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/settings", use: page)
        router.post("/settings/ceiling", use: ceiling)
        router.post("/settings/calendar", use: rotate)
        router.post("/settings/delete", use: delete)
        router.get("/settings/export.csv") { _, context in
            let user = try context.requireWebUser()
            return try await ExportController(dependencies: dependencies).csv(for: user)
        }
        router.get("/settings/export.fhir") { _, context in
            let user = try context.requireWebUser()
            return try ExportController.fhirResponse(try await ExportController(dependencies: dependencies).export(for: user).fhirBundle())
        }
    }

    struct SettingsPage {
        let chrome: Chrome
        let calendarURL: String
        let ceilings: [Choice]
        let usesDefault: Bool
        let message: String?
        let error: String?

        struct Choice {
            let value: Int
            let selected: Bool
        }
    }

    func model(_ user: User, _ context: AppRequestContext, message: String? = nil, error: String? = nil) -> SettingsPage {
        SettingsPage(
            chrome: Chrome(title: "Settings", context: context, section: .settings, assets: renderer.assets),
            calendarURL: CalendarController(dependencies: dependencies).link(for: user.calendarSecret).url,
            ceilings: (0...10).map { .init(value: $0, selected: user.painCeiling == $0) }, usesDefault: user.painCeiling == nil,
            message: message, error: error)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try renderer.html("pages/settings", model(try context.requireWebUser(), context))
    }

    @Sendable func ceiling(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let value = form["ceiling"] ?? ""
        let ceiling: Int? = value == "default" ? nil : Int(value)
        guard value == "default" || (ceiling.map { (0...10).contains($0) } ?? false) else {
            return try renderer.html(
                "pages/settings", model(user, context, error: "Please choose a number from 0 to 10."), status: .badRequest)
        }
        try await dependencies.store.setPainCeiling(ceiling, for: user.id)
        var updated = user
        updated.painCeiling = ceiling
        return try renderer.html("pages/settings", model(updated, context, message: "Your pain limit is saved."))
    }

    @Sendable func rotate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        var updated = user
        updated.calendarSecret = Secrets.random()
        try await dependencies.store.setCalendarSecret(updated.calendarSecret, for: user.id)
        return try renderer.html(
            "pages/settings", model(updated, context, message: "You have a new calendar link. The old one no longer works."))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        guard form.trimmed("confirm").uppercased() == "DELETE" else {
            return try renderer.html(
                "pages/settings", model(user, context, error: "To delete your account, type DELETE in the box."), status: .badRequest)
        }
        _ = try await dependencies.store.deleteUser(user.id)
        let secure = Cookies.isSecure(request, publicBaseURL: dependencies.publicBaseURL)
        return Response(
            status: .seeOther,
            headers: [.location: "/?deleted=1", .setCookie: Cookies.header(Cookies.session, "", maxAge: 0, secure: secure)])
    }
}
