/// Everything that changes after one logged session: a decision per exercise, the phase, and whether
/// exercises deferred for pelvic girdle pain may now come in.
public struct SessionReview: Codable, Equatable, Sendable {
    public let decisions: [ProgressionDecision]
    public let state: ProgramState
    /// A sentence about the phase when it changed, else nil.
    public let phaseChange: String?

    /// Sessions in a row without pain over the ceiling, symptoms or an unsettled morning
    /// before deferred single-leg and wide-leg exercises come in (CTX-5) [C].
    public static let sessionsToTolerateDeferred = 3

    /// - Parameters:
    ///   - history: earlier sessions' feedback, oldest first (only the last few are read).
    ///   - allowedPhase: what time and clearance allow now (`PhaseRules`).
    public static func review(
        feedback: [ExerciseFeedback], history: [[ExerciseFeedback]], state: ProgramState,
        engine: ProgressionEngine, context: ProgramContext, allowedPhase: Phase, ceiling: Int, sessionsPerWeek: Int = 3,
        on date: LocalDate? = nil, weeklyPainRise: Double? = nil
    ) -> SessionReview {
        var newState = state
        let limits = ProgressionEngine.Limits(
            ceiling: ceiling, phase: state.phase, context: context, toleratesDeferred: state.toleratesDeferred,
            sessionsPerWeek: sessionsPerWeek)
        // A resting ladder counts down one session for every session she does without it.
        for (root, ladder) in newState.ladders where ladder.restSessions > 0 {
            newState.ladders[root]?.restSessions = ladder.restSessions - 1
        }
        var decisions: [ProgressionDecision] = []
        // The session waits for its next morning. An older session still waiting never had its answer, so it counts
        // for nothing; a second session the same day joins the first but can't earn a second step (rule 5.2-6).
        var pending =
            date.flatMap { day in newState.pendingMorning.flatMap { $0.sessionDate == day ? $0 : nil } }
            ?? date.map { PendingMorning(sessionDate: $0, ladders: [:]) }
        for item in feedback {
            let root = ladderRoot(of: item.exerciseID, engine: engine, state: state)
            if item.nextMorning == nil, var waiting = pending {
                let good = ProgressionEngine.isGood(item, ceiling: ceiling)
                waiting.ladders[root] = waiting.ladders[root].map { $0 && good } ?? good
                pending = waiting
            }
            let current =
                newState.ladders[root]
                ?? ExerciseState(exerciseID: item.exerciseID, dose: engine.catalogue[item.exerciseID]?.dose ?? Dose(sets: 1, reps: 5))
            let (decision, updated) = engine.decide(state: current, feedback: item, limits: limits)
            newState.ladders[root] = updated
            // A pelvic-floor or tummy-wall symptom seen for the first time raises RF-17 once, with its advice (CTX-3/4).
            let new = item.symptoms.subtracting([.pain]).subtracting(newState.reportedSymptoms)
            newState.reportedSymptoms.formUnion(new)
            decisions.append(new.isEmpty ? decision : decision.adding(Self.physioAdvice))
        }

        if let pending, !pending.ladders.isEmpty { newState.pendingMorning = pending }
        // Rule 5.2-5: pain up by 2 or more week on week eases the whole plan one step, once a week, and asks for a
        // clinician's check.
        if let date, let rise = weeklyPainRise, rise >= OutcomeThresholds.weeklyRisePoints,
            newState.easedOffOn.map({ $0.days(until: date) >= OutcomeThresholds.windowDays }) ?? true
        {
            newState.easedOffOn = date
            let steppedBack = Set(decisions.filter { $0.action == .regress }.map(\.exerciseID))
            for root in newState.ladders.keys.sorted() {
                guard var ladder = newState.ladders[root], !steppedBack.contains(ladder.exerciseID) else { continue }
                let before = ladder.exerciseID
                let title = engine.catalogue[before]?.title ?? before
                let step = engine.regress(&ladder, limits: limits)
                newState.ladders[root] = ladder
                decisions.append(
                    ProgressionDecision(
                        exerciseID: before, action: .regress, nextExerciseID: ladder.exerciseID, nextDose: ladder.dose,
                        reason: "Your pain went up this week by 2 points or more, so \(step.words(title)). "
                            + "Please check in with your midwife, GP or physio.", rule: "5.2-5"))
            }
        }
        let recent = (history + [feedback]).suffix(max(sessionsToTolerateDeferred, 2))
        let good = recent.map { isTolerated($0, ceiling: ceiling) }
        var phaseChange: String?
        // Rule 5.2-7 and section 5 gates: phases never run ahead of what time and clearance allow...
        if allowedPhase < newState.phase {
            newState.phase = allowedPhase
            phaseChange = "Your answers now point to \(allowedPhase.title), so the program steps back to it."
        } else if allowedPhase > newState.phase && good.suffix(2).count == 2 && good.suffix(2).allSatisfy({ $0 }) {
            // ...and move up one phase only after two tolerated sessions (rule 5.2-6 applied to the phase).
            newState.phase = Phase(rawValue: newState.phase.rawValue + 1)!
            phaseChange = "Your last two sessions went well, so you move on to \(newState.phase.title)."
        }
        if context.hasPelvicGirdlePain {
            if !isTolerated(feedback, ceiling: ceiling) {
                newState.toleratesDeferred = false
            } else if good.count >= sessionsToTolerateDeferred && good.allSatisfy({ $0 }) {
                newState.toleratesDeferred = true
            }
        }
        return SessionReview(decisions: decisions, state: newState, phaseChange: phaseChange)
    }

    static let physioAdvice =
        "This is worth showing a pelvic-health physio. Your plan now has pelvic-floor training in every session and no impact work."

    /// No pain over the ceiling, no provoked symptom, no unsettled morning.
    static func isTolerated(_ session: [ExerciseFeedback], ceiling: Int) -> Bool {
        !session.isEmpty
            && session.allSatisfy {
                $0.symptoms.isEmpty && ($0.painDuring ?? 0) <= ceiling && $0.nextMorning != .notSettled
            }
    }

    /// The ladder an exercise is tracked under: the saved ladder that holds it, else its own first rung.
    static func ladderRoot(of exerciseID: String, engine: ProgressionEngine, state: ProgramState) -> String {
        if let saved = state.ladders.first(where: { $0.value.exerciseID == exerciseID }) { return saved.key }
        let catalogue = engine.catalogue
        return catalogue.ladderRoots.first { root in catalogue.ladder(from: root).contains { $0.id == exerciseID } }?.id
            ?? exerciseID
    }
}
