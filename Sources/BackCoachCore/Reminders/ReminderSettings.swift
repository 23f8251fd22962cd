import Foundation

/// When she wants to be reminded: the weekdays, the time of day where she lives, and quiet hours in which nothing is
/// ever sent. Off until she turns it on.
public struct ReminderSettings: Codable, Equatable, Sendable {
    public var enabled: Bool
    /// Weekday indexes, Monday 0 … Sunday 6 (as `LocalDate.weekdayIndex`).
    public var days: Set<Int>
    /// Minutes after her local midnight.
    public var time: Int
    /// Quiet hours from `quietFrom` to `quietUntil` (minutes after midnight; may run past midnight); nil: none.
    public var quietFrom: Int?
    public var quietUntil: Int?

    public init(enabled: Bool, days: Set<Int>, time: Int, quietFrom: Int? = nil, quietUntil: Int? = nil) {
        self.enabled = enabled
        self.days = days
        self.time = time
        self.quietFrom = quietFrom
        self.quietUntil = quietUntil
    }

    /// What a new account has: off, every day at 9:00, quiet from 21:00 to 7:00.
    public static let standard = ReminderSettings(enabled: false, days: Set(0...6), time: 9 * 60, quietFrom: 21 * 60, quietUntil: 7 * 60)

    /// True when `minute` (after local midnight) falls in her quiet hours.
    public func isQuiet(atMinute minute: Int) -> Bool {
        guard let from = quietFrom, let until = quietUntil, from != until else { return false }
        return from < until ? (from..<until).contains(minute) : minute >= from || minute < until
    }

    /// The first reason these settings can't be kept, in her words, with the field it is about; nil when they can.
    public var problem: (field: String, message: String)? {
        let minutes = 0..<(24 * 60)
        if !minutes.contains(time) { return ("time", "Choose a time between 00:00 and 23:59.") }
        if !days.allSatisfy({ (0...6).contains($0) }) { return ("days", "Days are Monday to Sunday.") }
        if enabled && days.isEmpty { return ("days", "Choose at least one day for reminders.") }
        switch (quietFrom, quietUntil) {
        case (nil, nil): return nil
        case (let from?, let until?):
            if !minutes.contains(from) || !minutes.contains(until) { return ("quietFrom", "Quiet hours run between 00:00 and 23:59.") }
            if from == until { return ("quietUntil", "Quiet hours need to start and end at different times.") }
            if isQuiet(atMinute: time) { return ("time", "Your reminder time is inside your quiet hours. Choose another time.") }
            return nil
        default: return ("quietFrom", "Give both ends of the quiet hours, or neither.")
        }
    }

    /// "07:30" for 450.
    public static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    /// 450 for "07:30" (or "7:30"); nil for anything else.
    public static func minute(_ clock: String) -> Int? {
        let parts = clock.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }
}
