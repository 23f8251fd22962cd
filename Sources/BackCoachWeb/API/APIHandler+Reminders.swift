import BackCoachAPI
import BackCoachCore
import BackCoachServices

/// Reminders: her settings, the browsers that get them, and a test reminder.
extension APIHandler {
    func getReminders(_ input: Operations.GetReminders.Input) async throws -> Operations.GetReminders.Output {
        .ok(.init(body: .json(Self.wire(try await services.reminders.view(for: try APICall.requireUser())))))
    }

    func updateReminders(_ input: Operations.UpdateReminders.Input) async throws -> Operations.UpdateReminders.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let view = try await services.reminders.save(
            enabled: body.enabled, days: body.days, time: body.time, quietFrom: body.quietFrom, quietUntil: body.quietUntil,
            for: try APICall.requireUser())
        return .ok(.init(body: .json(Self.wire(view))))
    }

    func sendTestReminder(_ input: Operations.SendTestReminder.Input) async throws -> Operations.SendTestReminder.Output {
        .ok(.init(body: .json(.init(delivered: try await services.reminders.sendTest(for: try APICall.requireUser())))))
    }

    func addPushSubscription(_ input: Operations.AddPushSubscription.Input) async throws -> Operations.AddPushSubscription.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try APICall.requireUser()
        try await services.reminders.subscribe(endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth, for: user)
        return .created(.init(body: .json(Self.wire(try await services.reminders.view(for: user)))))
    }

    func removePushSubscription(_ input: Operations.RemovePushSubscription.Input) async throws
        -> Operations.RemovePushSubscription.Output
    {
        guard try await services.reminders.unsubscribe(endpoint: input.query.endpoint, for: try APICall.requireUser()) else {
            throw ServiceError.notFound("There is no subscription for reminders at that endpoint.")
        }
        return .noContent(.init())
    }

    static func wire(_ view: ReminderService.View) -> Components.Schemas.Reminders {
        let settings = view.settings
        return .init(
            enabled: settings.enabled, days: settings.days.sorted(), time: ReminderSettings.clock(settings.time),
            quietFrom: settings.quietFrom.map(ReminderSettings.clock), quietUntil: settings.quietUntil.map(ReminderSettings.clock),
            devices: view.devices, applicationServerKey: view.applicationServerKey)
    }
}
