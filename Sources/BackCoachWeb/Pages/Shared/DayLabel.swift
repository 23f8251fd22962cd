import BackCoachCore
import Foundation

/// A day as a page shows it: "Wednesday 25 November". One shared, Sendable style instead of a DateFormatter per view.
enum DayLabel {
    static func text(_ date: LocalDate) -> String { style.format(date.startOfDay) }

    /// A day in few letters, for chart labels: "25 Nov".
    static func short(_ date: LocalDate) -> String { shortStyle.format(date.startOfDay) }

    /// A moment as she would say it where she lives: "14:05 on Wednesday 25 November" (UTC until her zone is known).
    static func time(_ moment: Date, in zone: String?) -> String {
        let timeZone = zone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let format = Date.VerbatimFormatStyle(
            format:
                "\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits) on \(weekday: .wide) \(day: .defaultDigits) \(month: .wide)",
            locale: Locale(identifier: "en_GB"), timeZone: timeZone, calendar: calendar)
        return format.format(moment)
    }

    private static let shortStyle: Date.VerbatimFormatStyle = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Date.VerbatimFormatStyle(
            format: "\(day: .defaultDigits) \(month: .abbreviated)", locale: Locale(identifier: "en_GB"), timeZone: calendar.timeZone,
            calendar: calendar)
    }()

    private static let style: Date.VerbatimFormatStyle = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Date.VerbatimFormatStyle(
            format: "\(weekday: .wide) \(day: .defaultDigits) \(month: .wide)", locale: Locale(identifier: "en_GB"),
            timeZone: calendar.timeZone, calendar: calendar)
    }()
}
