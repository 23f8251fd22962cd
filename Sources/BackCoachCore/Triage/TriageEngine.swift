/// Applies the red-flag rules. The most urgent flag decides; emergency or urgent withholds the program.
public struct TriageEngine: Sendable {
    public let rules: RedFlagRuleSet

    public init(rules: RedFlagRuleSet) {
        self.rules = rules
    }

    /// The full intake screen: the flags answered yes or "not sure", plus those the other answers raise. The script
    /// she is given to read out names her birth date.
    public func triage(_ answers: IntakeAnswers) -> TriageResult {
        evaluate(answers.redFlags.union(Self.derivedFlags(from: answers)), followUps: answers.redFlagFollowUps)
            .naming(birthDate: answers.birthDate)
    }

    /// The short screen before a session: only what was answered now. `birthDate` goes into the script she reads out
    /// ("I had a baby recently" until it is known).
    public func screen(_ flags: Set<RedFlagID>, followUps: Set<RedFlagFollowUpID> = [], birthDate: LocalDate? = nil) -> TriageResult {
        evaluate(flags, followUps: followUps).naming(birthDate: birthDate)
    }

    /// Flags raised by answers other than the red-flag questions.
    public static func derivedFlags(from answers: IntakeAnswers) -> Set<RedFlagID> {
        var flags = Set<RedFlagID>()
        // RF-16: resting pain of 7/10 or more (the NRS "severe" band) or pain getting worse needs a doctor [S61, S13].
        if answers.painAtRest >= 7 || answers.painWorsening { flags.insert(.rf16) }
        // RF-17 / CTX-4: pelvic-floor symptoms go to a pelvic-health physio [S16, S11].
        // CTX-3: a gap of 2 or more finger-widths deserves a physio review [S11, S32].
        if !answers.pelvicFloor.isEmpty || (answers.diastasisFingers ?? 0) >= 2 { flags.insert(.rf17) }
        // RF-19: pelvic girdle pain not settled two weeks after birth → physio [S28].
        if ProgramContext(answers: answers).hasPelvicGirdlePain && answers.weeksSinceBirth >= 2 {
            flags.insert(.rf19)
        }
        return flags
    }

    /// A "yes" to a follow-up is a "yes" to its flag too, and raises that flag to the follow-up's level; so does a
    /// combination with another flag. The flag takes the most urgent of these.
    func evaluate(_ answered: Set<RedFlagID>, followUps: Set<RedFlagFollowUpID>) -> TriageResult {
        let ids = answered.union(followUps.map(\.flag))
        typealias Rated = (rule: RedFlagRule, level: TriageLevel, reason: String?)
        let rated = ids.sorted().compactMap { id -> Rated? in
            guard let rule = rules.rule(id) else { return nil }
            let raises =
                rule.escalations.filter { !ids.isDisjoint(with: $0.withAny) }.map { ($0.level, $0.reason) }
                + rule.followUps.filter { followUps.contains($0.id) }.map { ($0.level, $0.reason) }
            let top = raises.max { $0.0 < $1.0 }
            return (rule, top?.0 ?? rule.level, top?.1)
        }
        let level = rated.map(\.level).max() ?? .none
        let withheld = !level.allowsProgram
        // Each flag's own timing: a raised flag takes its new level's action; a flag with its own timing keeps
        // it; and while the plan is withheld, a milder flag says "mention it too" instead of "carry on".
        let flags = rated.map { rule, flagLevel, reason -> (TriageFlag, String) in
            let raised = flagLevel > rule.level
            let action: String
            if raised {
                action = rules.action(for: flagLevel)
            } else if withheld && flagLevel.allowsProgram {
                action = rules.actions["nextAppointmentWhileWithheld"] ?? ""
            } else {
                action = rule.action ?? rules.action(for: flagLevel)
            }
            let timing = raised ? (TriageTiming.default(for: flagLevel) ?? rule.ownTiming) : rule.ownTiming
            let own = withheld && flagLevel.allowsProgram ? (rule.adviceWhenWithheld ?? rule.advice) : rule.advice
            let advice = [Self.script(action, saying: [rule]), reason, own].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: " ")
            return (
                TriageFlag(id: rule.id, level: flagLevel, timing: timing, title: rule.title, advice: advice, sources: rule.sources), action
            )
        }
        .sorted { ($0.0.level, $0.0.timing, $1.0.id) > ($1.0.level, $1.0.timing, $0.0.id) }
        // The headline is the most urgent flag's own timing, in the same words as its advice; its script names every
        // flag at that level.
        let headline = flags.first.map { top in
            Self.script(top.1, saying: rated.filter { $0.level == top.0.level }.map(\.rule))
        }
        return TriageResult(
            level: level, programAllowed: level.allowsProgram, action: level == .none ? nil : headline,
            timing: level == .none ? nil : flags.first?.0.timing, flags: flags.map(\.0))
    }

    /// The action with "[symptom]" in its script ("Tell them: I had a baby on [date] and I have [symptom].") said in
    /// her words: "a painful, swollen leg and heavy bleeding". "[date]" waits for `TriageResult.naming(birthDate:)`.
    static func script(_ action: String, saying rules: [RedFlagRule]) -> String {
        guard action.contains("[symptom]"), !rules.isEmpty else { return action }
        let words = rules.map(\.spokenWords)
        let spoken = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " and " + words.last!
        return action.replacingOccurrences(of: "[symptom]", with: spoken)
    }
}
