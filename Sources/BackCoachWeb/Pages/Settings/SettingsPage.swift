import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation

/// Settings: calendar feed, exports, pain limit, place, password, recovery codes, e-mail, and deleting the account.
struct SettingsPage {
    let chrome: Chrome
    let calendarURL: String
    let ceilings: [Choice]
    let usesDefault: Bool
    let message: String?
    let error: String?
    /// Unused recovery codes, and a new set when she just made one (the only time it is shown).
    let codesLeft: Int
    let newCodes: [String]
    let hasNewCodes: Bool
    let countries: [CountryChoice]
    let timeZones: [Zone]
    /// The numbers she is shown for her country, so she can check them.
    let contacts: Contacts
    /// Her session days and time, once she has a plan.
    let schedule: ScheduleView?
    let reminders: RemindersView

    struct ScheduleView {
        let perWeek: Int
        let dayWord: String
        let days: [DayChoice]
        let time: String
    }

    struct DayChoice {
        let value: Int
        let name: String
        let checked: Bool
    }

    struct Zone {
        let name: String
        let selected: Bool
    }

    struct Choice {
        let value: Int
        let selected: Bool
    }

    /// `message` says what was just saved; `newCodes` are shown this once.
    static func make(
        _ user: User, calendarURL: String, highestPainCeiling: Int, codesLeft: Int, contacts: Contacts,
        schedule: ProgramService.Schedule?, reminders: RemindersView, message: String?, error: String?, newCodes: [String],
        context: AppRequestContext, assets: Assets
    ) -> SettingsPage {
        SettingsPage(
            chrome: Chrome(title: "Settings", context: context, section: .settings, assets: assets),
            calendarURL: calendarURL,
            ceilings: (0...highestPainCeiling).map {
                .init(value: $0, selected: user.painCeiling == $0)
            }, usesDefault: user.painCeiling == nil,
            message: message, error: error, codesLeft: codesLeft, newCodes: newCodes,
            hasNewCodes: !newCodes.isEmpty, countries: CountryChoice.all(selected: user.country),
            // Her own zone is listed even when it is an alias ("UTC") the list of names leaves out.
            timeZones: Set(TimeZone.knownTimeZoneIdentifiers + [user.timeZone].compactMap { $0 }).sorted().map {
                .init(name: $0, selected: $0 == user.timeZone)
            },
            contacts: contacts,
            schedule: schedule.map { schedule in
                ScheduleView(
                    perWeek: schedule.sessionsPerWeek, dayWord: schedule.sessionsPerWeek == 1 ? "day" : "days",
                    days: ProgramService.weekdayNames.enumerated().map {
                        DayChoice(value: $0.offset, name: $0.element, checked: schedule.weekdays?.contains($0.offset) ?? false)
                    }, time: schedule.time)
            }, reminders: reminders)
    }
}
