import BackCoachCore
import BackCoachStorage
import Foundation

/// Pain and PSFS series for a window, change against baseline, and adherence (planned vs done).
/// Reads only the baseline week, the window and the last two weeks, so long histories cost no more than short ones.
struct ProgressReport: Encodable {
    let from: LocalDate
    let to: LocalDate
    let pain: [PainPoint]
    let baseline: Double?
    let latest: Double?
    let meaningfulChange: Bool
    let threshold: String
    let messages: [String]
    let suggestPhysio: Bool
    let easeOff: Bool
    let adherence: Adherence
    let psfs: [PSFSPoint]
    let psfsChange: PSFSChange?

    struct PainPoint: Encodable {
        let date: LocalDate
        let pain: Int
    }

    struct PSFSPoint: Encodable {
        let date: LocalDate
        let average: Double
        let ratings: [PSFSRating]
    }

    struct Adherence: Encodable {
        let planned: Int
        let done: Int
    }

    static func build(for user: User, days: Int, dependencies: WebDependencies) async throws -> ProgressReport {
        let store = dependencies.store
        let to = dependencies.today
        let from = to.adding(days: -(days - 1))
        let window = try await store.checkins(for: user.id, from: from, to: to)
        var forOutcome: [LocalDate: Checkin] = [:]
        if let first = try await store.firstCheckinDate(for: user.id) {
            for checkin in try await store.checkins(for: user.id, from: first, to: first.adding(days: OutcomeThresholds.windowDays - 1)) {
                forOutcome[checkin.date] = checkin
            }
        }
        let recentStart = to.adding(days: -(2 * OutcomeThresholds.windowDays - 1))
        let recent =
            recentStart >= from
            ? window.filter { $0.date >= recentStart } : try await store.checkins(for: user.id, from: recentStart, to: to)
        for checkin in recent { forOutcome[checkin.date] = checkin }

        let withPSFS = window.compactMap { checkin in checkin.psfs.map { (checkin.date, $0) } }
        let summary = OutcomeCalculator.summarize(
            pain: forOutcome.values.map { PainCheckin(date: $0.date, pain: $0.pain) },
            psfs: withPSFS.map { PSFSEntry(date: $0.0, ratings: $0.1) }, asOf: to)

        var planned = 0
        if let record = try await store.program(for: user.id), let intake = try await store.intake(for: user.id) {
            planned =
                SessionSchedule(startDate: record.startDate, sessionsPerWeek: intake.answers.daysPerWeek).sessionDays(from: from, to: to)
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
