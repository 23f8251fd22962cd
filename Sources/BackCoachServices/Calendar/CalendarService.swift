import BackCoachCore
import BackCoachStorage
import Foundation

/// The private calendar feed of planned sessions. The secret in its address is the only credential, so she can
/// replace it at any time.
public struct CalendarService: Sendable {
    let context: ServiceContext
    let program: ProgramService

    /// How far ahead the feed lists sessions.
    public static let weeksAhead = 8

    public struct FeedLink: Encodable, Sendable {
        public let url: String
        public let detail: String
    }

    public func link(for user: User) -> FeedLink {
        FeedLink(
            url: "\(context.publicBaseURL)/calendar/\(user.calendarSecret).ics",
            detail: "Add this address to your calendar app as a subscription. Keep it private: anyone with it can see your session days.")
    }

    /// A new secret; the old address stops working at once.
    public func rotate(for user: User) async throws -> FeedLink {
        var updated = user
        updated.calendarSecret = Secrets.random()
        try await context.store.setCalendarSecret(updated.calendarSecret, for: user.id)
        return link(for: updated)
    }

    /// The feed behind a secret, as iCalendar text.
    public func feed(secret: String) async throws -> String {
        guard let user = try await context.store.user(calendarSecret: secret) else {
            throw ServiceError.notFound(
                "There is no calendar at this address. It may have been replaced; copy the new link from BackCoach.")
        }
        return ICalendar(events: try await events(for: user), stamp: context.now()).render()
    }

    func events(for user: User) async throws -> [ICalendar.Event] {
        guard let current = try await program.currentIfAnswered(for: user), let plan = current.activeProgram,
            let schedule = current.schedule
        else { return [] }
        let today = context.today(for: user)
        return schedule.sessionDays(from: today, to: today.adding(days: 7 * Self.weeksAhead - 1)).compactMap { day in
            guard let session = plan.sessions.first(where: { $0.number == day.session }) else { return nil }
            let minutes = max(5, session.estimatedMinutes)  // calendars show very short events poorly
            return ICalendar.Event(
                // From the secret, not the account: a new link gives events no one can match to the old ones.
                uid: "\(day.date)-\(Secrets.hash("uid:" + user.calendarSecret).prefix(16))@backcoach",
                date: day.date, time: current.record?.sessionTime ?? ProgramService.defaultSessionTime, minutes: minutes,
                summary: "BackCoach: \(minutes)-minute back session",
                description: "Session \(day.session): " + session.exercises.map(\.title).joined(separator: ", ")
                    + ". Do the quick safety check first. Education, not medical advice.")
        }
    }
}
