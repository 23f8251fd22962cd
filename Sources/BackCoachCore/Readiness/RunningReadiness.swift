/// Ready to run? Reference 5.3: not before 12 weeks, no pelvic-floor symptoms, and a load/impact screen and strength
/// tests passed without pain, heaviness or leaking; any symptom means stop and see a physio [S16, S17]. After a
/// caesarean, high-effort activity waits for about 4 months and a scar that healed well [S10], the same 16 weeks
/// the phase rules use.
public struct RunningReadiness: Codable, Equatable, Sendable {
    public enum Verdict: String, Codable, Sendable {
        /// Not yet in the last phase, or too soon after the birth: the check waits.
        case tooEarly
        /// A symptom: see a pelvic-health physio before running.
        case seePhysio
        /// No symptoms, but not every test is possible yet: keep building strength.
        case notYet
        /// Every test passed: a graded return to running can start.
        case ready
    }

    public let verdict: Verdict
    public let headline: String
    public let advice: String
    /// What led to the verdict, one line each.
    public let reasons: [String]
    /// When the check opens, for `tooEarly` with a known birth date.
    public let availableFrom: LocalDate?
    public let sources: [String]

    public static let minimumWeeks = 12
    public static let minimumWeeksAfterCaesarean = PhaseRules.caesareanHighEffortWeeks

    /// Whether the check can be taken now; nil when it can, else why not (`tooEarly`).
    public static func gate(answers: IntakeAnswers, phase: Phase) -> RunningReadiness? {
        let weeks = answers.delivery == .caesarean ? minimumWeeksAfterCaesarean : minimumWeeks
        let from = answers.birthDate.map { $0.adding(days: 7 * weeks) }
        if answers.weeksSinceBirth < weeks {
            let when = answers.delivery == .caesarean ? "about 4 months after a caesarean" : "12 weeks after the birth"
            return RunningReadiness(
                verdict: .tooEarly, headline: "Not yet: running waits until at least \(when)",
                advice: "Your body is still healing. Keep going with your plan; this check opens\(from.map { " on \($0)" } ?? " then").",
                reasons: ["You are \(answers.weeksSinceBirth) weeks after the birth."], availableFrom: from, sources: ["S16", "S10"])
        }
        if phase < .fullStrength {
            return RunningReadiness(
                verdict: .tooEarly, headline: "Not yet: first reach the last phase of your plan",
                advice: "This check is for the last phase, once your strength is built up. Keep going with your plan.",
                reasons: ["You are in \(phase.title)."], availableFrom: nil, sources: ["S16"])
        }
        return nil
    }

    /// The verdict for her answers: `responses` maps each item's id to "yes"/"no" (a question) or a `TestAnswer`.
    /// Every item asked after her birth must be answered.
    public static func assess(
        _ responses: [String: String], check: RunningCheck, answers: IntakeAnswers, triage: TriageResult, phase: Phase
    ) throws(InputError) -> RunningReadiness {
        let items = check.items(after: answers.delivery)
        // Nothing she may not send is let through, even while the check waits.
        let unknown = Set(responses.keys).subtracting(items.map(\.id)).sorted()
        if let first = unknown.first { throw InputError("unknown item \"\(first.prefix(40))\" in the running check") }
        if let long = responses.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 20 }) {
            throw InputError("\(long.key) must be one of the answers the check offers")
        }
        if let waiting = gate(answers: answers, phase: phase) { return waiting }
        var stops: [String] = []
        var notYet: [String] = []
        for item in items {
            guard let value = responses[item.id] else { throw InputError("\(item.id) is required: \(item.text)") }
            switch item.kind {
            case .question:
                guard let answer = RunningCheck.YesNo(rawValue: value) else { throw InputError("\(item.id) must be yes or no") }
                if answer == item.stopAnswer { stops.append(item.text) }
            case .loadTest, .strengthTest:
                guard let answer = TestAnswer(rawValue: value) else {
                    throw InputError("\(item.id) must be one of \(TestAnswer.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                if answer == .symptoms { stops.append(item.text) }
                if answer == .notYet { notYet.append(item.text) }
            }
        }
        // Symptoms she already told us about (at intake or during sessions) count as much as today's answers.
        if triage.flags.contains(where: { $0.id == .rf17 }) {
            stops.insert("You have told us about leaking, heaviness, a bulge or a gap in your tummy muscles.", at: 0)
        }
        if !stops.isEmpty {
            return RunningReadiness(
                verdict: .seePhysio, headline: "See a pelvic-health physio before you start running",
                advice:
                    "Running with these signs can make them worse. A physio can check your pelvic floor and tummy, and help you get ready. Keep going with your plan meanwhile.",
                reasons: stops, availableFrom: nil, sources: ["S16", "S17"])
        }
        if !notYet.isEmpty {
            return RunningReadiness(
                verdict: .notYet, headline: "Not yet: keep building your strength",
                advice:
                    "You have no warning signs, which is good. Keep going with your plan, and take the check again when you can do every test without pain, heaviness or leaking.",
                reasons: notYet.map { "Not yet: \($0)" }, availableFrom: nil, sources: ["S16"])
        }
        return RunningReadiness(
            verdict: .ready, headline: "You can start a gentle, graded return to running",
            advice:
                "Start with short, easy runs mixed with walking, and build up slowly over weeks. Stop and see a physio if leaking, heaviness or pain comes back.",
            reasons: ["You passed every test without pain, heaviness or leaking."], availableFrom: nil, sources: ["S16", "S17"])
    }
}
