import BackCoachCore
import BackCoachServices
import Foundation

/// The reminders card on the settings page: her choices as a form shows them, where she stands, and what this
/// browser can do.
struct RemindersView {
    let enabled: Bool
    let days: [SettingsPage.DayChoice]
    let time: String
    let quietFrom: String
    let quietUntil: String
    /// "Times are where you live: Europe/London." or how to set that.
    let zoneText: String
    /// When the next reminder is due, in her words; nil while off.
    let nextText: String?
    let devicesText: String
    let applicationServerKey: String
    /// What the last save did, or why it was refused, said inside the card (the page opens at it).
    let message: String?
    let error: String?
    let timeInvalid: Bool

    init(_ view: ReminderService.View, zone: String?, message: String? = nil, error: ServiceError? = nil) {
        let settings = view.settings
        enabled = settings.enabled
        days = ProgramService.weekdayNames.enumerated().map {
            SettingsPage.DayChoice(value: $0.offset, name: $0.element, checked: settings.days.contains($0.offset))
        }
        time = ReminderSettings.clock(settings.time)
        quietFrom = settings.quietFrom.map(ReminderSettings.clock) ?? ""
        quietUntil = settings.quietUntil.map(ReminderSettings.clock) ?? ""
        zoneText =
            zone.map { "Times are where you live: \($0)." }
            ?? "Times are in UTC until you choose your time zone under \u{201C}Where you live\u{201D}."
        nextText = settings.enabled ? view.nextDue.map { "Next reminder: \(DayLabel.time($0, in: zone)), if a session is planned." } : nil
        devicesText = Self.devices(view.devices, enabled: settings.enabled)
        applicationServerKey = view.applicationServerKey
        self.message = message
        self.error = error?.message
        timeInvalid = error?.field == "time"
    }

    static func devices(_ count: Int, enabled: Bool) -> String {
        let devices = count == 1 ? "1 phone or computer is" : "\(count) phones or computers are"
        switch (count, enabled) {
        case (0, _): return "No phone or computer is set up for reminders yet."
        case (_, true): return "\(devices) set up for your reminders."
        case (_, false): return "Reminders are off. \(devices) set up to get them when you turn them on."
        }
    }
}
