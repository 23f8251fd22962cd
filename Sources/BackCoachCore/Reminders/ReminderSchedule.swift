import Foundation

/// When her next reminder is due: the first chosen weekday at her chosen time, in her time zone, after a moment.
/// Daylight saving is the calendar's: a time that a spring-forward skips is moved on by the gap (02:30 becomes
/// 03:30), and a time that a fall-back repeats is sent at its first occurrence.
public enum ReminderSchedule {
    /// The first due moment strictly after `after`; nil when reminders are off.
    public static func nextDue(after: Date, settings: ReminderSettings, zone: TimeZone) -> Date? {
        guard settings.enabled, !settings.days.isEmpty else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = LocalDate(after, in: zone)
        // A week and a day covers every chosen weekday, even when today's time has passed.
        for offset in 0...8 {
            let date = today.adding(days: offset)
            guard settings.days.contains(date.weekdayIndex) else { continue }
            let components = DateComponents(
                year: date.year, month: date.month, day: date.day, hour: settings.time / 60, minute: settings.time % 60)
            guard let due = calendar.date(from: components), due > after else { continue }
            return due
        }
        return nil
    }

    /// Her local date and minute after midnight at `moment`.
    public static func local(_ moment: Date, zone: TimeZone) -> (date: LocalDate, minute: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: moment)
        return (LocalDate(moment, in: zone), (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
