import BackCoachCore

/// The red flags as a Markdown list grouped by how soon to get help, for the article that explains them. Written from
/// `red-flags.json` when the content loads, so the article can never disagree with the rules: an article marks the
/// place with `{{red-flags}}` on a line of its own.
enum RedFlagList {
    static let marker = "{{red-flags}}"

    static func heading(_ timing: TriageTiming) -> String {
        switch timing {
        case .now: "Call your emergency number now if you have"
        case .today: "Contact your maternity unit, midwife or GP today if you have"
        case .within48Hours: "See your GP or midwife within 48 hours if you have"
        case .withinDays: "See your GP within the next few days if you have"
        case .nextAppointment: "Mention it at your next appointment, or book a physio, if you have"
        }
    }

    static func markdown(_ rules: RedFlagRuleSet) -> String {
        TriageTiming.allCases.reversed().compactMap { timing -> String? in
            var lines = rules.flags.filter { $0.ownTiming == timing }.map { "- \($0.title)." }
            // A follow-up that makes a flag an emergency is listed with the emergencies, in its own words.
            if timing == .now {
                lines += rules.flags.flatMap(\.followUps).filter { $0.level == .emergency }.map { "- \($0.sign)" }
            }
            guard !lines.isEmpty else { return nil }
            return "## \(heading(timing))\n\n" + lines.joined(separator: "\n")
        }
        .joined(separator: "\n\n")
    }
}
