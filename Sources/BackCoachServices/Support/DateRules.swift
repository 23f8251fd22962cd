import BackCoachCore

/// Dates people may send. What has happened is kept for dates from 3 years ago to tomorrow, so a stray year can't
/// become the start of her history; a date that only picks what to read may be any valid date.
public enum DateRules {
    public enum Allowed: Sendable {
        /// What has happened (sessions, check-ins): up to her latest possible today (`ServiceContext.latestDay`).
        case upTo(LocalDate)
        /// Anything that only picks what to read.
        case anyDate
    }

    /// Parses `text` (nil stays nil) and checks it against the window; the messages name `field`.
    public static func parse(_ text: String?, field: String, today: LocalDate, allowed: Allowed) throws(ServiceError)
        -> LocalDate?
    {
        guard let text else { return nil }
        guard let date = LocalDate(text) else {
            throw .invalid("\(field) must be a date like 2026-11-25 (got \(text.prefix(40))).", field: field)
        }
        try check(date, field: field, today: today, allowed: allowed)
        return date
    }

    public static func check(_ date: LocalDate, field: String, today: LocalDate, allowed: Allowed) throws(ServiceError) {
        let latest: LocalDate
        switch allowed {
        case .anyDate: return
        case .upTo(let day): latest = day
        }
        let earliest = today.adding(days: -3 * 366)
        guard date >= earliest else { throw .invalid("\(field) is too far in the past (earliest \(earliest)).", field: field) }
        guard date <= latest else { throw .invalid("\(field) is too far in the future (latest \(latest)).", field: field) }
    }
}
