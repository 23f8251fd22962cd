import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation

/// What every service shares: the store, the content, the clock and the plans already worked out.
/// Built once by `Services`; no interface ever sees the store.
struct ServiceContext: Sendable {
    let store: any BackCoachStore
    let content: ContentLibrary
    /// The current time; tests pin it.
    let now: @Sendable () -> Date
    /// The address people reach the app at, without a trailing slash, for links in feeds and exports.
    let publicBaseURL: String
    /// Plans already worked out, by everything they depend on (see `ProgramService.currentIfAnswered`).
    let assessments = BoundedCache<AssessmentKey, Assessment>(capacity: 2048)

    var coach: Coach { content.coach }

    /// Her today: the date where she lives, from her profile's time zone. Until she has one, the server's UTC date.
    /// Every service asks here for "today", so the Today page, checks, check-ins, sessions, progress and the calendar
    /// feed all agree.
    func today(for user: User) -> LocalDate {
        user.zone.map { LocalDate(now(), in: $0) } ?? LocalDate(now())
    }

    /// The latest date that can be today for her: her today once her zone is known; until then tomorrow in UTC,
    /// which covers every zone's today.
    func latestDay(for user: User) -> LocalDate {
        user.zone == nil ? today(for: user).adding(days: 1) : today(for: user)
    }

    /// The earliest date that can be today for her: her today once her zone is known; until then yesterday in UTC.
    func earliestToday(for user: User) -> LocalDate {
        user.zone == nil ? today(for: user).adding(days: -1) : today(for: user)
    }
}

extension User {
    /// Her time zone, when her profile names one the time-zone database knows.
    var zone: TimeZone? { timeZone.flatMap(TimeZone.init(identifier:)) }
}
