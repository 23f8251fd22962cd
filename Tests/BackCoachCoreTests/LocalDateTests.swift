import Foundation
import Testing

@testable import BackCoachCore

@Suite("Local dates")
struct LocalDateTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    @Test("Integer day arithmetic agrees with Foundation's calendar from 1900 to 2100")
    func agreesWithFoundation() throws {
        var date = try #require(LocalDate("1900-01-01"))
        let end = try #require(LocalDate("2100-12-31"))
        while date <= end {
            let instant = Self.calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
            #expect(date.startOfDay == instant)
            #expect(LocalDate(instant) == date)
            #expect(LocalDate(instant.addingTimeInterval(86_399)) == date)
            let later = Self.calendar.date(byAdding: .day, value: 400, to: instant)!
            #expect(date.adding(days: 400) == LocalDate(later))
            #expect(date.days(until: date.adding(days: -1234)) == -1234)
            // Foundation: Sunday 1 … Saturday 7; ours: Monday 0 … Sunday 6.
            #expect(date.weekdayIndex == (Self.calendar.component(.weekday, from: instant) + 5) % 7)
            date = date.adding(days: 13)
        }
    }

    @Test(
        "Impossible dates and other shapes are refused",
        arguments: [
            "2026-02-29", "2026-02-30", "2026-13-01", "2026-04-31", "26-1-1", "2026-1-01", "x", "+026-01-01", "2026-0a-01", "2026/01/01",
            "2026-01-01 ", "２０２６-01-01", "",
        ])
    func refusesImpossibleDates(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test("Leap days exist where they should")
    func leapDays() {
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate("1900-02-29") == nil)
        #expect(LocalDate("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(LocalDate("2024-12-31")!.adding(days: 1).description == "2025-01-01")
    }
}
