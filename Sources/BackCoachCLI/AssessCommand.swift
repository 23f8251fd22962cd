import ArgumentParser
import BackCoachContent
import BackCoachCore
import Foundation

/// The intake as a conversation in the terminal: red flags first, then the rest, then triage and plan.
struct AssessCommand: ParsableCommand, CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Answer the intake questions in the terminal and get your safety check and plan.")

    @Option(name: .customLong("answers-out"), help: "Save your answers as JSON to this file.")
    var answersOut: String?
    @Option(help: "First day of the plan, YYYY-MM-DD (default: today).")
    var start: String?
    @OptionGroup var place: CountryOption
    @OptionGroup var output: OutputOptions

    func execute(in environment: CLIEnvironment) throws -> String {
        let country = try place.checked()
        let startDate = try CLIEnvironment.parseDate(start, default: environment.today)
        let content = try environment.content()
        let interview = Interview(terminal: environment.terminal, labels: content.questions.answers)
        let say = environment.terminal.write

        say(content.questions.intro + "\n\n" + content.questions.redFlagIntro + "\n")
        var flagged = Set<RedFlagID>()
        var followUps = Set<RedFlagFollowUpID>()
        for id in content.questions.redFlagsAskedAtIntake {
            guard let rule = content.redFlags.rule(id) else { continue }
            if try interview.redFlag(rule, followUps: &followUps) { flagged.insert(id) }
            // An emergency answer stops at once: she should be calling for help, not answering questions.
            if content.coach.triageEngine.screen(flagged, followUps: followUps).level == .emergency { break }
        }
        // Urgent flags still finish the red-flag questions (a later answer can make them an emergency),
        // then stop before the rest of the intake: nothing else matters until she has help.
        let screen = content.coach.triageEngine.screen(flagged, followUps: followUps)
        if !screen.programAllowed {
            if output.json { return "\n" + (try JSONOutput.render(Assessment(triage: screen, program: nil))) }
            return "\n" + TextRenderer.triage(screen) + TextRenderer.contacts(content.contacts(for: country).needed(for: screen))
        }

        var fields: [String: JSONValue] = [
            "redFlags": .array(flagged.sorted().map { .string($0.rawValue) }),
            "redFlagFollowUps": .array(followUps.sorted().map { .string($0.rawValue) }),
        ]
        for question in content.questions.intake {
            // A question asked unless another was answered (the weeks, once the birth date is given) is skipped then,
            // and needed otherwise.
            if let other = question.askedUnless {
                if let given = fields[other], given != .null { continue }
                fields[question.field] = try interview.ask(question, required: true)
                continue
            }
            fields[question.field] = try interview.ask(question)
        }
        let answers: IntakeAnswers
        do {
            answers = try IntakeParser.parse(.object(fields))
        } catch {
            throw CLIError(error.message)
        }
        if let answersOut {
            let data = Data(try JSONOutput.render(answers).utf8)
            guard FileManager.default.createFile(atPath: answersOut, contents: data) else {
                throw CLIError("cannot write \(answersOut)")
            }
        }
        let assessment = content.coach.assess(answers, startDate: startDate)
        if output.json { return "\n" + (try JSONOutput.render(assessment)) }
        var text = "\n" + TextRenderer.triage(assessment.triage)
        if let program = assessment.program { text += TextRenderer.program(program, catalogue: content.catalogue) }
        if let answersOut { text += "\nYour answers were saved to \(answersOut).\n" }
        return text
    }
}

/// Asks one question at a time and re-asks until the answer is valid.
struct Interview {
    let terminal: Terminal
    let labels: QuestionSet.AnswerLabels

    func yesNoNotSure(_ question: String) throws -> Bool {
        while true {
            let reply = try prompt("\n\(question)\n  [y] \(labels.yes)  [n] \(labels.no)  [?] \(labels.notSure): ").lowercased()
            switch reply {
            case "y", "yes": return true
            case "?", "not sure", "notsure", "unsure", "ns": return true  // "not sure" counts as yes
            case "n", "no": return false
            default: terminal.write("Please type y, n or ?.\n")
            }
        }
    }

    /// A red flag's question (or each of its items), then its follow-ups if she said yes or not sure.
    func redFlag(_ rule: RedFlagRule, followUps: inout Set<RedFlagFollowUpID>) throws -> Bool {
        var raised = false
        if let items = rule.items {
            terminal.write("\n\(rule.question) Answer each one.")
            // One "yes" or "not sure" is enough: the rest can't make it less urgent.
            for item in items where try yesNoNotSure(item) {
                raised = true
                break
            }
        } else {
            raised = try yesNoNotSure(rule.question)
        }
        guard raised else { return false }
        for followUp in rule.followUps where try yesNoNotSure(followUp.question) { followUps.insert(followUp.id) }
        return true
    }

    func ask(_ question: IntakeQuestion, required: Bool = false) throws -> JSONValue {
        let help = question.help.map { "\n  (\($0))" } ?? ""
        switch question.kind {
        case .date:
            while true {
                let reply = try prompt("\n\(question.text)\(help)\n  Date as YYYY-MM-DD, or Enter to skip: ")
                if reply.isEmpty { return .null }
                if LocalDate(reply) != nil { return .string(reply) }
                terminal.write("Please type a date like 2026-10-02, or press Enter.\n")
            }
        case .integer, .optionalInteger:
            let range = "\(question.min ?? 0)–\(question.max ?? 0)"
            while true {
                let optional = question.kind == .optionalInteger && !required
                let reply = try prompt("\n\(question.text)\(help)\n  Number \(range)\(optional ? ", or Enter to skip" : ""): ")
                if reply.isEmpty && optional { return .null }
                if let number = Int(reply), number >= (question.min ?? .min), number <= (question.max ?? .max) {
                    return .number(Double(number))
                }
                terminal.write("Please type a whole number from \(range).\n")
            }
        case .boolean:
            while true {
                let reply = try prompt("\n\(question.text)\(help)\n  [y] \(labels.yes)  [n] \(labels.no): ").lowercased()
                if ["y", "yes"].contains(reply) { return .bool(true) }
                if ["n", "no"].contains(reply) { return .bool(false) }
                terminal.write("Please type y or n.\n")
            }
        case .choice, .multiple:
            let menu = question.options.enumerated().map { "  \($0.offset + 1). \($0.element.label)" }.joined(separator: "\n")
            let hint = question.kind == .choice ? "Type a number" : "Type numbers separated by commas, or Enter for none"
            while true {
                let reply = try prompt("\n\(question.text)\(help)\n\(menu)\n  \(hint): ")
                let picks = reply.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                let valid = picks.allSatisfy { $0.map { (1...question.options.count).contains($0) } ?? false }
                if question.kind == .multiple && reply.isEmpty { return .array([]) }
                if valid && !picks.isEmpty && (question.kind == .multiple || picks.count == 1) {
                    let values = picks.map { JSONValue.string(question.options[$0! - 1].value) }
                    return question.kind == .choice ? values[0] : .array(values)
                }
                terminal.write("Please choose from the numbers shown.\n")
            }
        }
    }

    private func prompt(_ text: String) throws -> String {
        terminal.write(text)
        guard let line = terminal.readLine() else {
            throw CLIError("the input ended before all questions were answered")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
