import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

@testable import BackCoachServices

/// Progress reads a few slices of her history, not all of it; the verdicts must be exactly what her whole history says.
@Suite("Progress verdicts from bounded reads")
struct ProgressBoundedReadTests {
    static let start = LocalDate("2024-01-01")!

    /// A history with gaps, pain that drifts, and PSFS rounds where an activity joins late, one is retyped in
    /// another case, and one stops being rated.
    static func history(days: Int) -> [Checkin] {
        var generator = SplitMix64(seed: UInt64(days))
        return (0..<days).compactMap { offset -> Checkin? in
            guard generator.next() % 5 != 0 else { return nil }  // about one day in five without a check-in
            let date = start.adding(days: offset)
            var ratings: [PSFSRating]?
            if offset % 7 == 0 {
                var round = [PSFSRating(activity: offset > 300 ? " LIFTING the baby" : "Lifting the baby", score: min(10, offset / 40))]
                if offset < 600 { round.append(PSFSRating(activity: "Sitting to feed", score: Int(generator.next() % 11))) }
                if offset >= 200 { round.append(PSFSRating(activity: "Walking to the shop", score: Int(generator.next() % 11))) }
                ratings = round
            }
            let pain = max(0, min(10, 7 - offset / 60 + Int(generator.next() % 3)))
            return Checkin(date: date, pain: pain, psfs: ratings, updatedAt: Date(timeIntervalSince1970: 0))
        }
    }

    @Test("The same verdicts as her whole history, for short and long histories and any window", arguments: [5, 12, 40, 400, 1100])
    func sameVerdicts(days: Int) async throws {
        let store = InMemoryStore()
        let user = User(id: UserID(), email: "\(days)@example.test", passwordHash: "x", createdAt: Date(), calendarSecret: "c\(days)")
        try await store.createUser(user)
        let all = Self.history(days: days)
        for checkin in all { _ = try await store.upsertCheckin(checkin, for: user.id) }
        let first = try await store.firstCheckinDate(for: user.id)
        for todayOffset in Set([days - 1, days / 2, min(days - 1, 13), days + 3]) {
            let today = Self.start.adding(days: todayOffset)
            // A weekly view reads no daily check-ins first (`covering` nil): the verdicts must not change.
            for window in [7, 30, 90, 365, 1095] {
                let from = max(today.adding(days: -(window - 1)), first ?? today)
                let read = window <= PainWeek.dailyPointsUpTo
                let shown = read ? try await store.checkins(for: user.id, from: from, to: today) : []
                let inputs = try await VerdictInputs.read(
                    for: user.id, firstCheckin: first, window: shown, covering: read ? from...today : nil, asOf: today, store: store)
                let upToToday = all.filter { $0.date <= today }
                let whole = OutcomeCalculator.summarize(
                    pain: upToToday.map { PainCheckin(date: $0.date, pain: $0.pain) },
                    psfs: upToToday.compactMap { c in c.psfs.map { PSFSEntry(date: c.date, ratings: $0) } }, asOf: today)
                let bounded = OutcomeCalculator.summarize(pain: inputs.pain, psfs: inputs.psfs, asOf: today)
                #expect(bounded == whole, "history \(days) days, today +\(todayOffset), window \(window)")
                // What was read beyond the window: her first week and last two weeks, and a few PSFS rounds.
                #expect(inputs.pain.count <= shown.count + 2 * OutcomeThresholds.windowDays + OutcomeThresholds.windowDays)
                // PSFS rounds: from her first until each activity she rates now has its first rating, a page at a time.
                let rounds = upToToday.filter { $0.psfs != nil }
                let current = Set((rounds.last?.psfs ?? []).map { OutcomeCalculator.psfsKey($0.activity) })
                let needed =
                    rounds.firstIndex { round in
                        current.isSubset(
                            of: Set(
                                rounds.prefix { $0.date <= round.date }.flatMap { $0.psfs!.map { OutcomeCalculator.psfsKey($0.activity) } })
                        )
                    } ?? 0
                #expect(inputs.psfs.count <= needed + 1 + VerdictInputs.roundsPerRead + 1)
            }
        }
    }

    @Test("Weekly points from Monday to Sunday, each with how many check-ins it averages")
    func weeks() {
        let monday = LocalDate("2026-11-30")!
        let checkins = [(-1, 8), (0, 4), (2, 6), (6, 5), (7, 1)].map { PainCheckin(date: monday.adding(days: $0.0), pain: $0.1) }
        #expect(
            PainWeek.weeks(of: checkins) == [
                PainWeek(weekOf: monday.adding(days: -7), average: 8, checkins: 1),
                PainWeek(weekOf: monday, average: 5, checkins: 3),
                PainWeek(weekOf: monday.adding(days: 7), average: 1, checkins: 1),
            ])
        #expect(PainWeek.weeks(of: []).isEmpty)
    }
}
