/// What the Today page says, once, when her plan's phase has changed, or time has opened the next one
/// (CTX-1, rule 5.2-6 applied to phases). `announced` is what she was last told; nil before the first Today.
public struct PhaseNews: Equatable, Sendable {
    /// What to tell her now, or nil when nothing changed since she was last told.
    public let message: String?
    /// What she has been told once this is shown.
    public let announced: PhaseAnnouncement

    public static func news(plan: PhaseDecision, allowed: Phase, weeksSinceBirth: Int, announced: PhaseAnnouncement?) -> PhaseNews {
        let now = PhaseAnnouncement(phase: plan.phase, allowed: allowed)
        // The first Today of a plan announces nothing: the plan page has just explained it.
        guard let announced, announced != now else { return PhaseNews(message: nil, announced: now) }
        let why = plan.reasons.first.map { " " + $0 } ?? ""
        if plan.phase > announced.phase {
            return PhaseNews(message: "Good news: you have moved on to \(plan.phase.title).\(why)", announced: now)
        }
        if plan.phase < announced.phase {
            return PhaseNews(message: "Your plan has stepped back to \(plan.phase.title).\(why)", announced: now)
        }
        if allowed > announced.allowed && allowed > plan.phase, let next = Phase(rawValue: plan.phase.rawValue + 1) {
            return PhaseNews(
                message:
                    "It is now \(weeksSinceBirth) weeks since the birth, so your plan can move on to \(next.title). It steps up after two sessions that go well.",
                announced: now)
        }
        return PhaseNews(message: nil, announced: now)
    }
}

/// The phase of her plan, and the phase time allowed, when she was last told about them.
public struct PhaseAnnouncement: Codable, Hashable, Sendable {
    public let phase: Phase
    public let allowed: Phase

    public init(phase: Phase, allowed: Phase) {
        self.phase = phase
        self.allowed = allowed
    }
}
