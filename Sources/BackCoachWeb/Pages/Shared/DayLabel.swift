import BackCoachCore
import Foundation

/// A day as a page shows it: "Wednesday 25 November". One shared, Sendable style instead of a DateFormatter per view.
enum DayLabel {
    static func text(_ date: LocalDate) -> String { style.format(date.startOfDay) }

    private static let style: Date.VerbatimFormatStyle = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Date.VerbatimFormatStyle(
            format: "\(weekday: .wide) \(day: .defaultDigits) \(month: .wide)", locale: Locale(identifier: "en_GB"),
            timeZone: calendar.timeZone, calendar: calendar)
    }()
}
