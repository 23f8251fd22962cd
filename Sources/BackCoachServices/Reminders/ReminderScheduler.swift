import BackCoachCore
import BackCoachStorage
import Foundation
import Logging

/// Sends the reminders that are due, from inside `backcoach serve`. Safe with several app servers on one database:
/// each due moment is claimed (`claimReminder`, a compare-and-set) before anything is sent, so it is sent once by
/// one server. Claiming before sending also means a restart never repeats a reminder; one due while every server was
/// down is still sent when they come back, if no more than `lateness` late, and otherwise waits for the next day.
public struct ReminderScheduler: Sendable {
    let context: ServiceContext
    let today: TodayService
    let delivery: ReminderDelivery
    /// How late a reminder may still go out; later than this, "today's session" would arrive at the wrong time.
    public static let lateness: TimeInterval = 60 * 60
    /// How long a reminder may wait at the push service for her browser to come online.
    static let timeToLive = 4 * 60 * 60
    static let batch = 200

    /// What one pass did, for tests and logs.
    public struct Report: Equatable, Sendable {
        public var claimed = 0
        public var sent: [UserID: ReminderMessage] = [:]
        public var late = 0
        public var quiet = 0
        public var silent = 0
    }

    /// One pass over what is due at `now`.
    @discardableResult
    public func tick(now: Date) async throws -> Report {
        var report = Report()
        for record in try await context.store.dueReminders(at: now, limit: Self.batch) {
            guard let due = record.nextDue else { continue }
            ReminderMetrics.due.increment()
            do {
                try await handle(record, due: due, now: now, report: &report)
            } catch {
                ReminderMetrics.failed.increment()
                ReminderDelivery.logger.error("Reminder failed", metadata: ["error": "\(error)"])
            }
        }
        return report
    }

    /// Runs passes until the task is cancelled, one a `interval`.
    public func run(every interval: Duration = .seconds(20)) async {
        while !Task.isCancelled {
            do {
                try await tick(now: context.now())
            } catch {
                ReminderDelivery.logger.error("Reminder pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }

    private func handle(_ record: ReminderRecord, due: Date, now: Date, report: inout Report) async throws {
        guard let user = try await context.store.user(id: record.user) else { return }
        let zone = user.zone ?? ReminderService.utc
        let next = ReminderSchedule.nextDue(after: max(now, due), settings: record.settings, zone: zone)
        guard try await context.store.claimReminder(for: user.id, due: due, next: next) else { return }
        report.claimed += 1
        guard now.timeIntervalSince(due) <= Self.lateness else {
            report.late += 1
            return
        }
        let local = ReminderSchedule.local(now, zone: zone)
        guard !record.settings.isQuiet(atMinute: local.minute) else {
            report.quiet += 1
            return
        }
        // No browser to tell: nothing is decided, so nothing counts as said (a browser added later starts fresh).
        let subscriptions = try await context.store.pushSubscriptions(for: user.id)
        guard !subscriptions.isEmpty else {
            report.silent += 1
            return
        }
        var marks = (nudgedOn: record.nudgedOn, advisedOn: record.advisedOn)
        let message = try await decide(for: user, on: local.date, marks: &marks)
        if marks.nudgedOn != record.nudgedOn || marks.advisedOn != record.advisedOn {
            try await context.store.markReminder(for: user.id, nudgedOn: marks.nudgedOn, advisedOn: marks.advisedOn)
        }
        guard let message else {
            report.silent += 1
            return
        }
        _ = await delivery.deliver(message, to: subscriptions, timeToLive: Self.timeToLive)
        report.sent[user.id] = message
    }

    /// What to say on `date`, if anything, and what to remember having said.
    func decide(for user: User, on date: LocalDate, marks: inout (nudgedOn: LocalDate?, advisedOn: LocalDate?)) async throws
        -> ReminderMessage?
    {
        guard let view = try await today.view(date, for: user) else { return nil }
        let day = view.day
        // Paused or withheld: no exercise reminder; one message that points to the advice, then quiet until it runs again.
        if day.status == .paused || day.status == .withheld {
            guard marks.advisedOn == nil else { return nil }
            marks.advisedOn = date
            return .readAdvice
        }
        marks.advisedOn = nil
        // Only a planned day: a rest day that offers yesterday's missed session as a catch-up stays quiet, so a
        // 4-day plan never sends 5 reminders in a week.
        guard day.status == .session, !day.completed, let session = day.session,
            view.current.schedule?.sessionNumber(on: date) != nil
        else { return nil }
        if let nudged = marks.nudgedOn {
            // After the missed-days message, nothing until she is back: a session logged since then.
            guard try await !context.store.sessionDates(for: user.id, from: nudged, to: date).isEmpty else { return nil }
            marks.nudgedOn = nil
        }
        if try await missedLastThree(before: date, schedule: view.current.schedule, for: user) {
            marks.nudgedOn = date
            return .missedDays
        }
        return .session(minutes: session.estimatedMinutes, exercises: session.exercises.count)
    }

    /// True when her last 3 planned session days before `date` passed with no session logged since the first of them.
    func missedLastThree(before date: LocalDate, schedule: SessionSchedule?, for user: User) async throws -> Bool {
        guard let schedule else { return false }
        let planned = schedule.sessionDays(from: date.adding(days: -28), to: date.adding(days: -1)).suffix(3)
        guard planned.count == 3, let first = planned.first?.date else { return false }
        return try await context.store.sessionDayCount(for: user.id, from: first, to: date.adding(days: -1)) == 0
    }
}
