import Foundation

/// Computes change against baseline for pain (NPRS) and function (PSFS), section 6.
public enum OutcomeCalculator {
    public static func summarize(pain checkins: [PainCheckin], psfs entries: [PSFSEntry], asOf today: LocalDate)
        -> OutcomeSummary
    {
        typealias T = OutcomeThresholds
        let sorted = checkins.filter { $0.date <= today }.sorted { $0.date < $1.date }
        let painChange: PainChange
        var messages: [String] = []
        var suggestPhysio = false
        var easeOff = false
        let threshold =
            "a drop of at least \(Int(T.painPoints)) points and at least \(Int(T.painFraction * 100))% from your starting average"

        let firstWeek = sorted.first.map { first in sorted.filter { $0.date <= first.date.adding(days: T.windowDays - 1) } } ?? []
        let lastWeek = sorted.filter { $0.date > today.adding(days: -T.windowDays) }
        if let first = sorted.first?.date, first.days(until: today) >= T.windowDays, firstWeek.count >= checkinsForAWeek {
            let baseline = average(sorted, from: first, through: first.adding(days: T.windowDays - 1))!
            // One or two days are not a week: the latest average needs 3 check-ins too.
            let latest = lastWeek.count >= checkinsForAWeek ? average(lastWeek, from: lastWeek[0].date, through: today) : nil
            let drop = latest.map { baseline - $0 }
            let improved = drop.map { $0 >= T.painPoints && $0 >= baseline * T.painFraction } ?? false
            let worse = drop.map { -$0 >= T.painPoints } ?? false
            painChange = PainChange(
                baseline: baseline, latest: latest, drop: drop, meaningfulImprovement: improved,
                meaningfulWorsening: worse, threshold: threshold)
            let painFree = latest.map { $0 == 0 } ?? false
            if painFree {
                messages.append("Your pain is at 0 out of 10 this week. Well done: keep going with your plan.")
            } else if improved {
                messages.append(
                    "Your pain has dropped by a meaningful amount: from an average of \(format(baseline)) to \(format(latest!)) out of 10.")
            } else if worse {
                messages.append("Your pain is higher than when you started. Please see a physio or your GP.")
                suggestPhysio = true
            } else if let drop {
                messages.append(
                    drop > 0
                        ? "Your pain is a little lower (\(format(drop)) points), within normal day-to-day ups and downs so far."
                        : "Your pain is about the same as when you started.")
            } else {
                messages.append(
                    "Not enough check-ins this week to compare yet: \(lastWeek.count) of the \(checkinsForAWeek) needed. A quick daily check-in helps you see change."
                )
            }
            // Rule 5.2-8: no improvement after about 2 weeks → physio (RF-19); not when she is pain-free.
            if first.days(until: today) >= T.noImprovementDays, let drop, drop < 1, !worse, !painFree {
                suggestPhysio = true
                messages.append("After two weeks your pain has not really improved. A physio can look at what is going on.")
            }
            // Rule 5.2-5: the weekly average rising by 2 or more → ease off and check with a clinician.
            if let rise = weeklyRise(sorted, asOf: today), rise >= T.weeklyRisePoints {
                easeOff = true
                messages.append("Your pain went up this week. Ease off to easier levels and check in with your midwife, GP or physio.")
            }
        } else {
            painChange = PainChange(
                baseline: nil, latest: nil, drop: nil, meaningfulImprovement: false,
                meaningfulWorsening: false, threshold: threshold)
            messages.append("We need a week of check-ins (at least \(checkinsForAWeek)) to see how your pain is changing.")
        }

        let psfsChange = psfs(entries.filter { $0.date <= today }.sorted { $0.date < $1.date })
        if let psfsChange {
            if psfsChange.meaningfulImprovement {
                messages.append(
                    "You are doing your chosen activities meaningfully better: up \(format(psfsChange.gain)) points on average.")
            } else if !psfsChange.improvedActivities.isEmpty {
                messages.append("Clearly better at: \(psfsChange.improvedActivities.joined(separator: ", ")).")
            }
        }
        return OutcomeSummary(pain: painChange, psfs: psfsChange, suggestPhysio: suggestPhysio, easeOff: easeOff, messages: messages)
    }

    /// PSFS change on the same activities only: each activity of her latest rating round against her first-ever
    /// rating of it (an activity rated once, renamed, or no longer rated doesn't count), so the verdict is the same
    /// whatever window she views, and needs only her latest round and the rounds up to each activity's first rating
    /// (see `needsEarlierRounds`), never her whole history.
    static func psfs(_ entries: [PSFSEntry]) -> PSFSChange? {
        typealias T = OutcomeThresholds
        let sorted = entries.sorted(by: { $0.date < $1.date })
        guard let round = sorted.last else { return nil }
        var first: [String: (date: LocalDate, score: Int)] = [:]
        for entry in sorted {
            for rating in entry.ratings where first[psfsKey(rating.activity)] == nil {
                first[psfsKey(rating.activity)] = (entry.date, rating.score)
            }
        }
        var seen = Set<String>()
        let current = round.ratings.filter { seen.insert(psfsKey($0.activity)).inserted }
            .sorted { psfsKey($0.activity) < psfsKey($1.activity) }
        let compared = current.compactMap { rating -> (name: String, before: Int, after: Int)? in
            guard let start = first[psfsKey(rating.activity)], round.date > start.date else { return nil }
            return (rating.activity, start.score, rating.score)
        }
        guard !compared.isEmpty else { return nil }
        let baseline = Double(compared.map(\.before).reduce(0, +)) / Double(compared.count)
        let latest = Double(compared.map(\.after).reduce(0, +)) / Double(compared.count)
        let improved = compared.filter { $0.after - $0.before >= T.psfsActivityPoints }.map(\.name)
        return PSFSChange(
            baseline: baseline, latest: latest, gain: latest - baseline,
            meaningfulImprovement: latest - baseline >= T.psfsAveragePoints, improvedActivities: improved,
            threshold:
                "an average rise of at least \(Int(T.psfsAveragePoints)) points on the same activities, or \(T.psfsActivityPoints) for one activity",
            activities: compared.map { PSFSChange.Activity(activity: $0.name, first: $0.before, latest: $0.after) }
        )
    }

    /// One activity however she typed it: case and surrounding spaces aside.
    public static func psfsKey(_ activity: String) -> String {
        activity.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether the first rounds read so far (oldest first) still lack a first rating for some activity of her latest
    /// round, so a reader must fetch the rounds after them too. `firstRounds` must be a prefix of her history.
    public static func needsEarlierRounds(_ firstRounds: [PSFSEntry], latest: PSFSEntry) -> Bool {
        let rated = Set(firstRounds.flatMap { $0.ratings.map { psfsKey($0.activity) } })
        return latest.ratings.contains { !rated.contains(psfsKey($0.activity)) }
    }

    /// The pain check-ins the verdicts read: her first week and the last two weeks up to `today`. `summarize` given
    /// only these says exactly what it says given her whole history.
    public static func painWindows(firstCheckin: LocalDate, asOf today: LocalDate) -> [ClosedRange<LocalDate>] {
        let days = OutcomeThresholds.windowDays
        let firstWeek = firstCheckin...max(firstCheckin, firstCheckin.adding(days: days - 1))
        let recent = min(today, max(firstCheckin, today.adding(days: -(2 * days - 1))))...today
        return [firstWeek, recent]
    }

    /// Check-ins a week needs before its average says anything (section 6: one day is not a trend).
    public static let checkinsForAWeek = 3

    /// Rule 5.2-5: how much the last 7 days' average pain rose over the 7 days before, when both weeks have enough
    /// check-ins; nil otherwise.
    public static func weeklyRise(_ checkins: [PainCheckin], asOf today: LocalDate) -> Double? {
        let days = OutcomeThresholds.windowDays
        let latest = checkins.filter { $0.date > today.adding(days: -days) && $0.date <= today }
        let previous = checkins.filter { $0.date > today.adding(days: -2 * days) && $0.date <= today.adding(days: -days) }
        guard latest.count >= checkinsForAWeek, previous.count >= checkinsForAWeek else { return nil }
        let mean = { (week: [PainCheckin]) in Double(week.map(\.pain).reduce(0, +)) / Double(week.count) }
        return mean(latest) - mean(previous)
    }

    static func average(_ checkins: [PainCheckin], from start: LocalDate, through end: LocalDate) -> Double? {
        let window = checkins.filter { $0.date >= start && $0.date <= end }
        guard !window.isEmpty else { return nil }
        return Double(window.map(\.pain).reduce(0, +)) / Double(window.count)
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
