/// Which days are session days. By default sessions are not tied to weekdays: the week starts on the program's
/// start date and `sessionsPerWeek` sessions are spread through it as evenly as possible (4 a week → days 0, 1, 3, 5).
/// When she picks her own weekdays (as many as her sessions a week), those are the session days, and a week runs
/// from Monday.
public struct SessionSchedule: Equatable, Sendable {
    public let startDate: LocalDate
    public let sessionsPerWeek: Int
    /// Her own days, Monday 0 … Sunday 6, sorted; nil for the even spread.
    public let weekdays: [Int]?

    public init(startDate: LocalDate, sessionsPerWeek: Int, weekdays: [Int]? = nil) {
        self.startDate = startDate
        self.sessionsPerWeek = min(7, max(1, sessionsPerWeek))
        // Days that no longer match her sessions a week (she changed her answers since) fall back to the even spread.
        let days = weekdays.map { Array(Set($0.filter { (0...6).contains($0) })).sorted() }
        self.weekdays = days?.count == self.sessionsPerWeek ? days : nil
    }

    /// Day offsets within a week that carry a session, in order (for the even spread).
    public var dayOffsets: [Int] {
        (0..<sessionsPerWeek).map { $0 * 7 / sessionsPerWeek }
    }

    /// The session number (1-based) due on `date`, or nil for a rest day or a date before the start.
    public func sessionNumber(on date: LocalDate) -> Int? {
        let days = startDate.days(until: date)
        guard days >= 0 else { return nil }
        if let weekdays { return weekdays.firstIndex(of: date.weekdayIndex).map { $0 + 1 } }
        return dayOffsets.firstIndex(of: days % 7).map { $0 + 1 }
    }

    /// Every session day from `from` to `to` inclusive, with its session number.
    public func sessionDays(from: LocalDate, to: LocalDate) -> [(date: LocalDate, session: Int)] {
        let first = max(from, startDate)
        guard first <= to else { return [] }
        return (0...first.days(until: to)).compactMap { offset in
            let date = first.adding(days: offset)
            return sessionNumber(on: date).map { (date, $0) }
        }
    }

    /// The session missed on the day before `date`, which she may still do on `date` when that is a rest day.
    public func catchUp(on date: LocalDate, doneYesterday: Bool) -> Int? {
        guard sessionNumber(on: date) == nil, !doneYesterday else { return nil }
        return sessionNumber(on: date.adding(days: -1))
    }
}
