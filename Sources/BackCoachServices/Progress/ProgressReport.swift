import BackCoachCore
import BackCoachStorage
import Foundation

/// Pain and PSFS series for a window, change against baseline, and adherence (planned vs done).
/// Reads only the baseline week, the window and the last two weeks, so long histories cost no more than short ones.
public struct ProgressReport: Encodable, Sendable {
    public let from: LocalDate
    public let to: LocalDate
    public let pain: [PainPoint]
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
        let window = try await store.checkins(for: user.id, from: from, to: to)
        // The verdicts read her whole history, not the window she views, so they don't change with it: the pain
        // baseline is her first week, and each PSFS activity is compared with her first rating of it.
        var history: [Checkin] = []
        if let first { history = try await store.checkins(for: user.id, from: first, to: to) }
        let withPSFS = window.compactMap { checkin in checkin.psfs.map { (checkin.date, $0) } }
        let summary = OutcomeCalculator.summarize(
            pain: history.map { PainCheckin(date: $0.date, pain: $0.pain) },
            psfs: history.compactMap { checkin in checkin.psfs.map { PSFSEntry(date: checkin.date, ratings: $0) } }, asOf: to)

        var planned = 0
        if let record, let intake = stored?.intake {
            planned =
                record.schedule(answers: intake.answers).sessionDays(from: from, to: to)
                .count
        }
        let done = try await store.sessionDates(for: user.id, from: from, to: to).count
        return ProgressReport(
            from: from, to: to, pain: window.map { PainPoint(date: $0.date, pain: $0.pain) }, baseline: summary.pain.baseline,
            latest: summary.pain.latest, meaningfulChange: summary.pain.meaningfulImprovement, threshold: summary.pain.threshold,
            messages: summary.messages, suggestPhysio: summary.suggestPhysio, easeOff: summary.easeOff,
            adherence: Adherence(planned: planned, done: done),
            psfs: withPSFS.map { PSFSPoint(date: $0.0, average: PSFSEntry(date: $0.0, ratings: $0.1).average ?? 0, ratings: $0.1) },
            psfsChange: summary.psfs)
    }
}
