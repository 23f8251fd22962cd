import BackCoachCore
import BackCoachStorage

/// What the progress verdicts read, and no more: her pain in her first week and the last two weeks, her latest PSFS
/// round, and her rounds from the start until each of its activities has a first rating (usually the first round).
/// `OutcomeCalculator.summarize` says the same of these as of her whole history (a test holds it to that), so the
/// verdicts don't change with the window she views, and their cost doesn't grow with her history.
struct VerdictInputs {
    let pain: [PainCheckin]
    let psfs: [PSFSEntry]

    /// PSFS rounds read at a time from her first one; an activity added later needs another read.
    static let roundsPerRead = 8

    /// `window`: the check-ins of the dates `covering`, already read; ranges it covers are not read again (nil:
    /// nothing read yet).
    static func read(
        for user: UserID, firstCheckin: LocalDate?, window: [Checkin], covering: ClosedRange<LocalDate>?, asOf to: LocalDate,
        store: any BackCoachStore
    ) async throws -> VerdictInputs {
        guard let first = firstCheckin else { return VerdictInputs(pain: [], psfs: []) }
        var painByDate = Dictionary(window.map { ($0.date, $0.pain) }, uniquingKeysWith: { _, last in last })
        for range in OutcomeCalculator.painWindows(firstCheckin: first, asOf: to)
        where covering.map({ range.lowerBound < $0.lowerBound || range.upperBound > $0.upperBound }) ?? true {
            for checkin in try await store.checkins(for: user, from: range.lowerBound, to: range.upperBound) {
                painByDate[checkin.date] = checkin.pain
            }
        }
        let pain = painByDate.map { PainCheckin(date: $0.key, pain: $0.value) }.sorted { $0.date < $1.date }

        let newest = try await store.psfsCheckins(for: user, from: first, to: to, limit: 1, newestFirst: true)
        guard let latest = newest.first.flatMap(entry) else { return VerdictInputs(pain: pain, psfs: []) }
        var rounds: [PSFSEntry] = []
        var next = first
        while next <= latest.date {
            let page = try await store.psfsCheckins(for: user, from: next, to: latest.date, limit: roundsPerRead, newestFirst: false)
            rounds += page.compactMap(entry)
            guard page.count == roundsPerRead, let last = page.last,
                OutcomeCalculator.needsEarlierRounds(rounds, latest: latest)
            else { break }
            next = last.date.adding(days: 1)
        }
        if rounds.last?.date != latest.date { rounds.append(latest) }
        return VerdictInputs(pain: pain, psfs: rounds)
    }

    private static func entry(_ checkin: Checkin) -> PSFSEntry? {
        checkin.psfs.map { PSFSEntry(date: checkin.date, ratings: $0) }
    }
}
