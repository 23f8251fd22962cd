import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// The settings page's reminders: the form (works without JavaScript), and the small JSON answers reminders.js asks
/// for when she turns reminders on in this browser or sends a test. All through `ReminderService`, as the API is.
struct ReminderPages {
    let services: Services
    let settings: SettingsPagesController

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post(PagePath.settingsReminders, use: save)
        router.post(PagePath.settingsRemindersSubscribe, use: subscribe)
        router.post(PagePath.settingsRemindersUnsubscribe, use: unsubscribe)
        router.post(PagePath.settingsRemindersTest, use: test)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        let enabled = form["enabled"] == "on"
        let days = form.all("reminderDay").compactMap { Int($0) }
        do {
            _ = try await services.reminders.save(
                enabled: enabled, days: days, time: form["time"] ?? "", quietFrom: form["quietFrom"], quietUntil: form["quietUntil"],
                for: user)
            // After a save, a page of its own: Back or reload never sends the form again, and it opens at the card.
            return Response(
                status: .seeOther, headers: [.location: PagePath.settings + "?reminders=\(enabled ? "on" : "off")#reminders"])
        } catch let error as ServiceError {
            // Her choices come back as she made them, beside the message.
            let current = try await services.reminders.view(for: user)
            let typed = ReminderSettings(
                enabled: enabled, days: Set(days), time: ReminderSettings.minute(form["time"] ?? "") ?? current.settings.time,
                quietFrom: ReminderSettings.minute(form["quietFrom"] ?? ""), quietUntil: ReminderSettings.minute(form["quietUntil"] ?? ""))
            return try settings.renderer.html(
                "pages/settings",
                try await settings.model(
                    user, context,
                    typedReminders: .init(settings: typed, devices: current.devices, applicationServerKey: current.applicationServerKey),
                    remindersError: error),
                status: Problem(error).status)
        }
    }

    @Sendable func subscribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        return try await answer {
            try await services.reminders.subscribe(
                endpoint: form["endpoint"] ?? "", p256dh: form["p256dh"] ?? "", auth: form["auth"] ?? "", for: user)
            return try await devices(of: user)
        }
    }

    @Sendable func unsubscribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        return try await answer {
            _ = try await services.reminders.unsubscribe(endpoint: form["endpoint"] ?? "", for: user)
            return try await devices(of: user)
        }
    }

    @Sendable func test(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        _ = try await request.csrfCheckedForm(context: context)
        return try await answer { ["delivered": try await services.reminders.sendTest(for: user)] }
    }

    /// What the card says after a save, by the `reminders` query the save redirects with.
    static let savedMessages = ["on": "Your reminders are saved.", "off": "Reminders are off. Nothing will be sent."]

    /// How many of her browsers get reminders, and the card's sentence for it (one wording, the server's).
    private func devices(of user: User) async throws -> [String: Any] {
        let view = try await services.reminders.view(for: user)
        return ["devices": view.devices, "devicesText": RemindersView.devices(view.devices, enabled: view.settings.enabled)]
    }

    /// A small JSON answer for reminders.js: the counts, or the service's refusal in its words.
    private func answer(_ work: () async throws -> [String: Any]) async throws -> Response {
        let body: Data
        let status: HTTPResponse.Status
        do {
            body = try JSONSerialization.data(withJSONObject: try await work(), options: [.sortedKeys])
            status = .ok
        } catch let error as ServiceError {
            body = try JSONSerialization.data(withJSONObject: ["detail": error.message])
            status = Problem(error).status
        }
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
