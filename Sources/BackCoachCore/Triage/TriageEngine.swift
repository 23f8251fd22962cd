/// Applies the red-flag rules. The most urgent flag decides; emergency or urgent withholds the program.
public struct TriageEngine: Sendable {
    public let rules: RedFlagRuleSet

    public init(rules: RedFlagRuleSet) {
        self.rules = rules
    }

    /// The full intake screen: the flags answered yes or "not sure", plus those the other answers raise.
    public func triage(_ answers: IntakeAnswers) -> TriageResult {
        evaluate(answers.redFlags.union(Self.derivedFlags(from: answers)))
    }

    /// The short screen before a session: only what was answered now.
    public func screen(_ flags: Set<RedFlagID>) -> TriageResult {
        evaluate(flags)
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

    func evaluate(_ ids: Set<RedFlagID>) -> TriageResult {
        let rated = ids.sorted().compactMap { id -> (rule: RedFlagRule, level: TriageLevel, escalation: RedFlagRule.Escalation?)? in
            guard let rule = rules.rule(id) else { return nil }
            let escalation = rule.escalations.filter { !ids.isDisjoint(with: $0.withAny) }.max { $0.level < $1.level }
            return (rule, escalation?.level ?? rule.level, escalation)
        }
        let level = rated.map(\.level).max() ?? .none
        let withheld = !level.allowsProgram
        // Each flag's own timing: an escalated flag takes its new level's action; a flag with its own timing keeps
        // it; and while the plan is withheld, a milder flag says "mention it too" instead of "carry on".
        let flags = rated.map { rule, flagLevel, escalation -> (TriageFlag, String) in
            let action: String
            if escalation != nil {
                action = rules.action(for: flagLevel)
            } else if withheld && flagLevel.allowsProgram {
                action = rules.actions["nextAppointmentWhileWithheld"] ?? ""
            } else {
                action = rule.action ?? rules.action(for: flagLevel)
            }
            let own = withheld && flagLevel.allowsProgram ? (rule.adviceWhenWithheld ?? rule.advice) : rule.advice
            let advice = [action, escalation?.reason, own].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return (TriageFlag(id: rule.id, level: flagLevel, title: rule.title, advice: advice, sources: rule.sources), action)
        }
        .sorted { ($0.0.level, $1.0.id) > ($1.0.level, $0.0.id) }
        // The headline is the most urgent flag's own timing, in the same words as its advice.
        return TriageResult(
            level: level, programAllowed: level.allowsProgram, action: level == .none ? nil : flags.first?.1, flags: flags.map(\.0))
    }
}
