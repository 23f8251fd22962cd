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

    /// Her first day with BackCoach: the day she joined, or an earlier day she checked in for, or her program's
    /// start, whichever came first. Progress starts there.
    static func firstDay(of user: User, firstCheckin: LocalDate?, programStart: LocalDate?) -> LocalDate {
        let joined = user.zone.map { LocalDate(user.createdAt, in: $0) } ?? LocalDate(user.createdAt)
        return ([joined] + [firstCheckin, programStart].compactMap { $0 }).min() ?? joined
    }

    /// From her first day when that is later than `days` ago.
    public func sessionGrid(days: Int, for user: User) async throws -> [(date: LocalDate, mark: DayMark)] {
        let today = context.today(for: user)
        let stored = try await context.store.intakeAndProgram(for: user.id)
        let first = Self.firstDay(
            of: user, firstCheckin: try await context.store.firstCheckinDate(for: user.id), programStart: stored?.program?.startDate)
        let start = max(today.adding(days: -(days - 1)), min(first, today))
        var planned = Set<LocalDate>()
        var schedule: SessionSchedule?
        if let (intake, record) = stored, let record {
            schedule = record.schedule(answers: intake.answers)
            planned = Set(schedule?.sessionDays(from: start, to: today).map(\.date) ?? [])
        }
        let done = Set(try await context.store.sessionDates(for: user.id, from: start, to: today))
        return (0...start.days(until: today)).map { offset in
            let date = start.adding(days: offset)
            if done.contains(date) { return (date, .done) }
            guard planned.contains(date) else { return (date, .rest) }
            if date == today { return (date, .future) }
            // Done on the rest day after it, which offers it (`SessionSchedule.catchUp`, as Today does): made up, so not
            // missed; the adherence sentence counts it done the same way.
            let next = date.adding(days: 1)
            let madeUp = done.contains(next) && schedule?.catchUp(on: next, doneYesterday: false) != nil
            return (date, madeUp ? .rest : .missed)
        }
    }
}
