import BackCoachContent
import BackCoachCore
import BackCoachServices

/// Human-readable terminal output for core values.
enum TextRenderer {
    static func triage(_ result: TriageResult) -> String {
        guard result.level != .none else { return "Safety check: nothing in your answers needs a health professional first.\n" }
        var lines: [String] = []
        switch result.level {
        case .emergency: lines.append("!!! STOP: GET HELP NOW !!!")
        case .urgent: lines.append("!! Please get help today !!")
        case .nextAppointment: lines.append("Worth mentioning to a health professional:")
        case .none: break
        }
        if !result.programAllowed {
            lines.append("No exercise plan today. What you described needs a health professional first.")
        }
        for flag in result.flags {
            lines.append("")
            lines.append("[\(flag.id.rawValue), \(flag.timing.label)] \(flag.title)")
            lines.append("  \(flag.advice)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func program(_ program: Program, catalogue: ExerciseCatalogue) -> String {
        var lines = ["", "YOUR PLAN · \(program.phase.title)"]
        lines += program.phase.reasons.map { "  \($0)" }
        lines.append(
            "Starts \(program.startDate); look again on \(program.reviewDate). Pain limit during exercise: \(program.painCeiling)/10.")
        for session in program.sessions {
            lines.append("")
            lines.append("Session \(session.number) · about \(minutes(session.estimatedSeconds)) of \(program.minutesPerDay) min")
            for (index, exercise) in session.exercises.enumerated() {
                lines.append("  \(index + 1). \(exercise.title) (\(exercise.ref)) — \(exercise.doseSummary)")
                lines += exercise.notes.map { "       note: \($0)" }
            }
        }
        if !program.excluded.isEmpty {
            lines.append("")
            lines.append("Left out for now:")
            lines += program.excluded.map { "  - \($0.title) (\($0.ref)): \($0.reason)" }
        }
        lines.append("")
        lines.append("Good to know:")
        lines += program.notes.map { "  • \($0.text)" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func exerciseList(_ catalogue: ExerciseCatalogue) -> String {
        var lines: [String] = []
        for pillar in Pillar.allCases {
            lines.append(pillar.title.uppercased())
            for exercise in catalogue.exercises where exercise.pillar == pillar {
                lines.append("  \(exercise.ref.padding(toLength: 4, withPad: " ", startingAt: 0)) \(exercise.id) — \(exercise.title)")
            }
        }
        return lines.joined(separator: "\n") + "\n\n" + Disclaimer.text + "\n"
    }

    static func exercise(_ exercise: Exercise, catalogue: ExerciseCatalogue) -> String {
        var lines = [
            "\(exercise.title) (\(exercise.ref)) · \(exercise.pillar.title) · from phase \(exercise.earliestPhase)", exercise.purpose, "",
        ]
        lines.append("Start: \(exercise.startPosition)")
        lines.append("Steps:")
        lines += exercise.steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        lines.append("Cues: " + exercise.cues.joined(separator: " · "))
        lines.append("Common mistakes: " + exercise.mistakes.joined(separator: " · "))
        lines.append("Dose: \(exercise.dose.summary) (building to \(exercise.targetDose.summary))")
        if !exercise.equipment.isEmpty { lines.append("You need: " + exercise.equipment.map(\.displayName).joined(separator: ", ")) }
        if let easier = exercise.regression.flatMap({ catalogue[$0] }) { lines.append("Easier: \(easier.title) (\(easier.id))") }
        if let harder = exercise.progression.flatMap({ catalogue[$0] }) { lines.append("Harder: \(harder.title) (\(harder.id))") }
        for condition in exercise.conditions {
            lines.append("If \(label(condition.when)): \(condition.note)")
        }
        lines.append("Sources: " + exercise.sources.joined(separator: ", "))
        lines.append("")
        lines.append(Disclaimer.text)
        return lines.joined(separator: "\n") + "\n"
    }

    static func articleList(_ articles: [Article]) -> String {
        articles.map { "\($0.slug)\n  \($0.title): \($0.summary)" }.joined(separator: "\n") + "\n"
    }

    static func article(_ article: Article) -> String {
        "\(article.title.uppercased())\n\n\(article.text)\n\nSources: \(article.sources.joined(separator: ", "))\n"
    }

    /// Who to call, her country's numbers first; the fallback words where it has none of a kind.
    static func contacts(_ contacts: Contacts) -> String {
        var lines = ["", "WHO TO CALL" + (contacts.countryName.map { " IN \($0.uppercased())" } ?? "")]
        if let text = contacts.emergencyText { lines.append(text) }
        let groups = [
            ("Emergency", contacts.emergency), ("Urgent advice", contacts.urgent), ("Crisis line, any time", contacts.crisis),
            ("Support for new parents", contacts.support),
        ]
        for (title, numbers) in groups where !numbers.isEmpty {
            lines.append("\(title):")
            lines += numbers.map { "  \($0.number)  \($0.name)" + ($0.note.map { ". \($0)" } ?? "") }
        }
        if let text = contacts.crisisText { lines.append(text) }
        lines.append(contacts.maternity)
        return lines.joined(separator: "\n") + "\n"
    }

    static func searchHelp(_ help: SearchService.Help?) -> String {
        guard let help else { return "" }
        return "!! \(help.title.uppercased()) !!\n\(help.action)\n\(help.advice)\n" + contacts(help.contacts) + "\n"
    }

    static func searchHits(_ hits: [SearchIndex.Hit], query: String) -> String {
        guard !hits.isEmpty else { return "Nothing found for \"\(query)\". Try a simpler word, like \"bridge\" or \"feeding\".\n" }
        return hits.map { "[\($0.kind)] \($0.id) — \($0.title)\n  \($0.summary)" }.joined(separator: "\n") + "\n"
    }

    static func label(_ condition: ConditionKey) -> String {
        switch condition {
        case .pelvicGirdlePain: "you have pelvic girdle pain"
        case .pubicPain: "the front of your pelvis hurts"
        case .pelvicFloorSymptoms: "you have pelvic-floor symptoms"
        case .heavinessOrBulge: "you feel heaviness or a bulge"
        case .diastasis: "your tummy gap is 2 fingers or more"
        case .caesareanUnder6Weeks: "you had a caesarean less than 6 weeks ago"
        case .caesareanUnder12Weeks: "you had a caesarean less than 12 weeks ago"
        case .breastfeeding: "you are breastfeeding"
        case .under6Weeks: "your baby is less than 6 weeks old"
        }
    }

    static func minutes(_ seconds: Int) -> String {
        let minutes = Double(seconds) / 60
        return minutes < 1 ? "1 min" : "\(Int(minutes.rounded())) min"
    }
}
