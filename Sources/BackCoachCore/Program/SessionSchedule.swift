/// Which days are session days. Sessions are not tied to weekdays: the week starts on the program's start
/// date and `daysPerWeek` sessions are spread through it as evenly as possible (4 a week → days 0, 1, 3, 5).
public struct SessionSchedule: Equatable, Sendable {
    public let startDate: LocalDate
    public let sessionsPerWeek: Int

    public init(startDate: LocalDate, sessionsPerWeek: Int) {
        self.startDate = startDate
        self.sessionsPerWeek = min(7, max(1, sessionsPerWeek))
    }

    /// Day offsets within a week that carry a session, in order.
    public var dayOffsets: [Int] {
        (0..<sessionsPerWeek).map { $0 * 7 / sessionsPerWeek }
    }

    /// The session number (1-based) due on `date`, or nil for a rest day or a date before the start.
    public func sessionNumber(on date: LocalDate) -> Int? {
        let days = startDate.days(until: date)
        guard days >= 0 else { return nil }
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
}
