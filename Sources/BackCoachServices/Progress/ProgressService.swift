import BackCoachCore
import BackCoachStorage

/// Her progress: pain and PSFS against her baseline, adherence, and the grid of session days.
public struct ProgressService: Sendable {
    let context: ServiceContext

    /// The windows the progress page offers.
    public static let maxDays = CheckinService.maxDays

    /// The report for the `days` up to today.
    public func report(days: Int, for user: User) async throws -> ProgressReport {
        guard (1...Self.maxDays).contains(days) else {
            throw ServiceError.invalid("days must be a whole number from 1 to \(Self.maxDays) (got \(days)).", field: "days")
        }
        return try await ProgressReport.build(for: user, days: days, context: context)
    }

    /// How each day of the last `days` went: a session done, planned and missed, planned later today, or rest.
    public enum DayMark: Sendable, Equatable { case done, missed, rest, future }

    public func sessionGrid(days: Int, for user: User) async throws -> [(date: LocalDate, mark: DayMark)] {
        let today = context.today(for: user)
        let start = today.adding(days: -(days - 1))
        var planned = Set<LocalDate>()
        if let (intake, record) = try await context.store.intakeAndProgram(for: user.id), let record {
            let schedule = SessionSchedule(startDate: record.startDate, sessionsPerWeek: intake.answers.daysPerWeek)
            planned = Set(schedule.sessionDays(from: start, to: today).map(\.date))
        }
        let done = Set(try await context.store.sessionDates(for: user.id, from: start, to: today))
        return (0..<days).map { offset in
            let date = start.adding(days: offset)
            if done.contains(date) { return (date, .done) }
            return (date, planned.contains(date) ? (date == today ? .future : .missed) : .rest)
        }
    }
}
