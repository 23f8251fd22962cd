import BackCoachCore
import BackCoachStorage
import Foundation

/// Pain and PSFS series for a window, change against baseline, and adherence (planned vs done).
/// Reads the window, her first week and last two weeks, and a few PSFS rounds (`VerdictInputs`), so a window costs
/// the same whatever the length of her history. A window spanning over 90 days gives weekly pain points instead of
/// daily ones; the span is from her first day, so in her first months even the 1-year view shows each day.
public struct ProgressReport: Encodable, Sendable {
    public let from: LocalDate
    public let to: LocalDate
    /// Daily points, for a window spanning up to 90 days (`resolution` day); empty otherwise.
    public let pain: [PainPoint]
    /// Weekly averages, for longer windows (`resolution` week); empty otherwise.
    public let painWeeks: [PainWeek]
    public let resolution: Resolution
    public let baseline: Double?
    public let latest: Double?
    public let meaningfulChange: Bool
    public let threshold: String
    public let messages: [String]
    public let suggestPhysio: Bool
    public let easeOff: Bool
    public let adherence: Adherence
    public let psfs: [PSFSPoint]
    public let psfsChange: PSFSChange?

    public enum Resolution: String, Encodable, Sendable {
        case day, week
    }

    /// What a chart draws: the daily points, or each week's average (placed on its Monday, or on the window's first
    /// day for a week that began before it).
    public var chartPoints: [(LocalDate, Double)] {
        switch resolution {
        case .day: pain.map { ($0.date, Double($0.pain)) }
        case .week: painWeeks.map { (max($0.weekOf, from), $0.average) }
        }
    }

    /// How far apart two chart points may be and still be joined by the line: a day missed, or a week; further apart,
    /// the chart shows the gap instead of a line across days she didn't check in.
    public var chartJoinDays: Int {
        switch resolution {
        case .day: 2
        case .week: 14
        }
    }

    public struct PainPoint: Encodable, Sendable {
        public let date: LocalDate
        public let pain: Int
    }

    public struct PSFSPoint: Encodable, Sendable {
        public let date: LocalDate
        public let average: Double
        public let ratings: [PSFSRating]
    }

    public struct Adherence: Encodable, Sendable {
        public let planned: Int
        public let done: Int
    }

    /// The window is the last `days` days, but never before her first day: days before she joined are not rest days.
    static func build(for user: User, days: Int, context: ServiceContext) async throws -> ProgressReport {
        let store = context.store
        let to = context.today(for: user)
        let first = try await store.firstCheckinDate(for: user.id)
        // One read for both: the program's start bounds the window, the intake's sessions a week the adherence.
        let stored = try await store.intakeAndProgram(for: user.id)
        let record = stored?.program
        let from = max(
            to.adding(days: -(days - 1)), ProgressService.firstDay(of: user, firstCheckin: first, programStart: record?.startDate))
        let span = from.days(until: to) + 1
        let weekly = span > PainWeek.dailyPointsUpTo
        // A weekly window reads its weeks as the database sums them, and only the check-ins that carry PSFS: its cost
        // follows the number of weeks, not of days.
        let window = weekly ? [] : try await store.checkins(for: user.id, from: from, to: to)
        let weeks = weekly ? try await store.painWeeks(for: user.id, from: from, to: to) : []
        let rated = weekly ? try await store.psfsCheckins(for: user.id, from: from, to: to, limit: span, newestFirst: false) : window
        let inputs = try await VerdictInputs.read(
            for: user.id, firstCheckin: first, window: window, covering: weekly ? nil : from...to, asOf: to, store: store)
        let withPSFS = rated.compactMap { checkin in checkin.psfs.map { (checkin.date, $0) } }
        let summary = OutcomeCalculator.summarize(pain: inputs.pain, psfs: inputs.psfs, asOf: to)

        var planned = 0
        if let record, let intake = stored?.intake {
            planned = record.schedule(answers: intake.answers).sessionDays(from: from, to: to).count
        }
        let done = try await store.sessionDayCount(for: user.id, from: from, to: to)
        return ProgressReport(
            from: from, to: to, pain: window.map { PainPoint(date: $0.date, pain: $0.pain) }, painWeeks: weeks,
            resolution: weekly ? .week : .day, baseline: summary.pain.baseline,
            latest: summary.pain.latest, meaningfulChange: summary.pain.meaningfulImprovement, threshold: summary.pain.threshold,
            messages: summary.messages, suggestPhysio: summary.suggestPhysio, easeOff: summary.easeOff,
            adherence: Adherence(planned: planned, done: done),
            psfs: withPSFS.map { PSFSPoint(date: $0.0, average: PSFSEntry(date: $0.0, ratings: $0.1).average ?? 0, ratings: $0.1) },
            psfsChange: summary.psfs)
    }
}
