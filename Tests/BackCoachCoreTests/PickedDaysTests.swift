import BackCoachCore
import Testing

/// Her own session days: the weekdays she picks, as many as her sessions a week; otherwise the even spread.
@Suite("Session days she picks")
struct PickedDaysTests {
    // 2026-11-25 is a Wednesday.
    static let start = LocalDate("2026-11-25")!

    @Test("Picked weekdays are the session days, numbered from Monday; nothing before the start")
    func picked() {
        let schedule = SessionSchedule(startDate: PickedDaysTests.start, sessionsPerWeek: 3, weekdays: [4, 0, 2])
        #expect(schedule.weekdays == [0, 2, 4])
        let days = schedule.sessionDays(from: LocalDate("2026-11-23")!, to: LocalDate("2026-12-06")!)
        #expect(days.map(\.date.description) == ["2026-11-25", "2026-11-27", "2026-11-30", "2026-12-02", "2026-12-04"])
        #expect(days.map(\.session) == [2, 3, 1, 2, 3])
    }

    @Test("Days that don't match her sessions a week fall back to the even spread")
    func mismatch() {
        let schedule = SessionSchedule(startDate: PickedDaysTests.start, sessionsPerWeek: 4, weekdays: [0, 2])
        #expect(schedule.weekdays == nil)
        #expect(
            schedule.sessionNumber(on: PickedDaysTests.start) == 1 && schedule.sessionNumber(on: PickedDaysTests.start.adding(days: 1)) == 2
        )
    }

    @Test("A missed session can be done the next day, when that is a rest day and nothing was done yesterday")
    func catchUp() {
        let schedule = SessionSchedule(startDate: PickedDaysTests.start, sessionsPerWeek: 3, weekdays: [0, 2, 4])
        let thursday = LocalDate("2026-11-26")!
        #expect(schedule.catchUp(on: thursday, doneYesterday: false) == 2)
        #expect(schedule.catchUp(on: thursday, doneYesterday: true) == nil)
        #expect(schedule.catchUp(on: LocalDate("2026-11-27")!, doneYesterday: false) == nil, "a session day has its own")
        #expect(schedule.catchUp(on: LocalDate("2026-11-29")!, doneYesterday: false) == nil, "Saturday was a rest day too")
    }
}
