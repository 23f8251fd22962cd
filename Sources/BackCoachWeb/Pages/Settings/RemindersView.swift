import BackCoachCore
import BackCoachServices

/// The reminders card on the settings page: her choices as a form shows them, and what this browser can do.
struct RemindersView {
    let enabled: Bool
    let days: [SettingsPage.DayChoice]
    let time: String
    let quietFrom: String
    let quietUntil: String
    let devicesText: String
    let applicationServerKey: String

    init(_ view: ReminderService.View) {
        let settings = view.settings
        enabled = settings.enabled
        days = ProgramService.weekdayNames.enumerated().map {
            SettingsPage.DayChoice(value: $0.offset, name: $0.element, checked: settings.days.contains($0.offset))
        }
        time = ReminderSettings.clock(settings.time)
        quietFrom = settings.quietFrom.map(ReminderSettings.clock) ?? ""
        quietUntil = settings.quietUntil.map(ReminderSettings.clock) ?? ""
        devicesText = Self.devices(view.devices)
        applicationServerKey = view.applicationServerKey
    }

    static func devices(_ count: Int) -> String {
        switch count {
        case 0: "No phone or computer gets your reminders yet."
        case 1: "1 phone or computer gets your reminders."
        default: "\(count) phones or computers get your reminders."
        }
    }
}
