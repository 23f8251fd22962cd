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

        if let first = sorted.first?.date, first.days(until: today) >= T.windowDays {
            let baseline = average(sorted, from: first, through: first.adding(days: T.windowDays - 1))!
            let latest = average(sorted, from: today.adding(days: -(T.windowDays - 1)), through: today)
            let drop = latest.map { baseline - $0 }
            let improved = drop.map { $0 >= T.painPoints && $0 >= baseline * T.painFraction } ?? false
            let worse = drop.map { -$0 >= T.painPoints } ?? false
            painChange = PainChange(
                baseline: baseline, latest: latest, drop: drop, meaningfulImprovement: improved,
                meaningfulWorsening: worse, threshold: threshold)
            if improved {
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
                messages.append("No pain check-ins in the last week yet. A quick daily check-in helps you see change.")
            }
            // Rule 5.2-8: no improvement after about 2 weeks → physio (RF-19).
            if first.days(until: today) >= T.noImprovementDays, let drop, drop < 1, !worse {
                suggestPhysio = true
                messages.append("After two weeks your pain has not really improved. A physio can look at what is going on.")
            }
            // Rule 5.2-5: the weekly average rising by 2 or more → ease off and check with a clinician.
            let previous = average(sorted, from: today.adding(days: -(2 * T.windowDays - 1)), through: today.adding(days: -T.windowDays))
            if let previous, let latest, latest - previous >= T.weeklyRisePoints {
                easeOff = true
                messages.append("Your pain went up this week. Ease off to easier levels and check in with your midwife, GP or physio.")
            }
        } else {
            painChange = PainChange(
                baseline: nil, latest: nil, drop: nil, meaningfulImprovement: false,
                meaningfulWorsening: false, threshold: threshold)
            messages.append("We need a week of check-ins to see how your pain is changing.")
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

    static func psfs(_ entries: [PSFSEntry]) -> PSFSChange? {
        typealias T = OutcomeThresholds
        guard entries.count >= 2, let first = entries.first, let last = entries.last,
            let baseline = first.average, let latest = last.average
        else { return nil }
        let key = { (activity: String) in activity.trimmingCharacters(in: .whitespaces).lowercased() }
        let before = Dictionary(first.ratings.map { (key($0.activity), $0.score) }, uniquingKeysWith: { a, _ in a })
        let improved = last.ratings.filter { rating in
            before[key(rating.activity)].map { rating.score - $0 >= T.psfsActivityPoints } ?? false
        }.map(\.activity)
        return PSFSChange(
            baseline: baseline, latest: latest, gain: latest - baseline,
            meaningfulImprovement: latest - baseline >= T.psfsAveragePoints, improvedActivities: improved,
            threshold: "an average rise of at least \(Int(T.psfsAveragePoints)) points, or \(T.psfsActivityPoints) for one activity")
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
