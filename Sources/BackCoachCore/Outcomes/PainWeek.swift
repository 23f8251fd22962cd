/// A week's pain in a long view: the average of the check-ins from Monday to Sunday. A chart of three years of
/// daily points is unreadable on a phone, and says no more than its weekly averages.
public struct PainWeek: Codable, Equatable, Sendable {
    /// The Monday the week starts on.
    public let weekOf: LocalDate
    public let average: Double
    /// How many check-ins the average is of (1 to 7).
    public let checkins: Int

    public init(weekOf: LocalDate, average: Double, checkins: Int) {
        self.weekOf = weekOf
        self.average = average
        self.checkins = checkins
    }

    /// The week from a sum and a count, as a database's GROUP BY gives them (the same division as `weeks(of:)`).
    public init(weekOf: LocalDate, total: Int, checkins: Int) {
        self.init(weekOf: weekOf, average: Double(total) / Double(max(1, checkins)), checkins: checkins)
    }

    /// Windows spanning more than this many days show weekly points instead of daily ones.
    public static let dailyPointsUpTo = 90

    /// The weekly averages of `checkins` (in date order), one per week that has any.
    public static func weeks(of checkins: [PainCheckin]) -> [PainWeek] {
        var weeks: [PainWeek] = []
        var monday: LocalDate?
        var total = 0
        var count = 0
        func close() {
            if let monday, count > 0 { weeks.append(PainWeek(weekOf: monday, total: total, checkins: count)) }
        }
        for checkin in checkins {
            let start = checkin.date.adding(days: -checkin.date.weekdayIndex)
            if start != monday {
                close()
                monday = start
                total = 0
                count = 0
            }
            total += checkin.pain
            count += 1
        }
        close()
        return weeks
    }
}
