/// Applies the pain-monitoring rules of clinical-reference section 5.2 to one exercise.
public struct ProgressionEngine: Sendable {
    public let catalogue: ExerciseCatalogue

    /// Good sessions in a row at one dose before stepping up (rule 5.2-6).
    public static let sessionsToProgress = 2
    /// Unsettled next mornings in a row before stepping down (rule 5.2-4).
    public static let unsettledMorningsToRegress = 2

    public init(catalogue: ExerciseCatalogue) {
        self.catalogue = catalogue
    }

    public struct Limits: Sendable {
        public let ceiling: Int
        public let phase: Phase
        public let context: ProgramContext
        public let toleratesDeferred: Bool
        /// How many sessions make her week: an exercise that rests sits out that many.
        public let sessionsPerWeek: Int

        public init(ceiling: Int, phase: Phase, context: ProgramContext, toleratesDeferred: Bool, sessionsPerWeek: Int = 3) {
            self.ceiling = ceiling
            self.phase = phase
            self.context = context
            self.toleratesDeferred = toleratesDeferred
            self.sessionsPerWeek = max(1, sessionsPerWeek)
        }

        /// Whether an exercise may be moved to under these limits (phase gate, equipment, conditions).
        func allows(_ exercise: Exercise) -> Bool {
            ExerciseEligibility.evaluate(exercise, context: context, phase: phase, toleratesDeferred: toleratesDeferred).isAllowed
        }
    }

    public func decide(
        state: ExerciseState, feedback: ExerciseFeedback, limits: Limits
    ) -> (decision: ProgressionDecision, state: ExerciseState) {
        var next = state
        func decision(_ action: ProgressionAction, _ reason: String, rule: String) -> (ProgressionDecision, ExerciseState) {
            (
                ProgressionDecision(
                    exerciseID: feedback.exerciseID, action: action, nextExerciseID: next.exerciseID,
                    nextDose: next.dose, reason: reason, rule: rule), next
            )
        }
        let title = catalogue[state.exerciseID]?.title ?? state.exerciseID

        // Rule 5.2-3 with CTX-3/CTX-4: symptoms or pain over the ceiling → regress now.
        if let symptom = feedback.symptoms.sorted().first {
            let step = regress(&next, limits: limits)
            return decision(.regress, "\(title) brought on \(Self.describe(symptom)), so \(step.words(title)).", rule: "5.2-3")
        }
        if let pain = feedback.painDuring, pain > limits.ceiling {
            let step = regress(&next, limits: limits)
            return decision(
                .regress, "Pain reached \(pain)/10 in \(title), above your limit of \(limits.ceiling)/10, so \(step.words(title)).",
                rule: "5.2-3")
        }
        // Rule 5.2-4: not settled by next morning → repeat; twice in a row → regress about a third.
        if feedback.nextMorning == .notSettled {
            let unsettled = notSettled(&next, title: title, limits: limits)
            return decision(unsettled.action, unsettled.reason, rule: "5.2-4")
        }
        if feedback.nextMorning == .settled { next.unsettledMornings = 0 }
        if !feedback.completed && feedback.difficulty == .tooHard {
            next.goodSessions = 0
            let step = regress(&next, limits: limits)
            return decision(.regress, "\(title) was too hard to finish, so \(step.words(title)).", rule: "5.2-6")
        }
        if !feedback.completed || feedback.difficulty == .tooHard {
            next.goodSessions = 0
            return decision(.hold, "\(title) stays the same until it feels right.", rule: "5.2-6")
        }
        // A missing pain score never counts as a good one (rule 5.2-6).
        guard feedback.painDuring != nil else {
            return decision(
                .hold, "\(title) stays the same: give your pain score next time so it can count toward a step up.", rule: "5.2-6")
        }
        // Rule 5.2-4 before 5.2-6: a good session counts only once the next morning is settled. An app that already
        // knows the morning sends it with the session; otherwise the Today page asks the next day.
        guard feedback.nextMorning == .settled else {
            return decision(
                .hold, "Good work. If your pain has settled by tomorrow morning, this counts toward the next step for \(title).",
                rule: "5.2-4")
        }
        let credited = credit(&next, title: title, limits: limits)
        return decision(credited.action, credited.reason, rule: credited.rule)
    }

    /// Whether feedback counts toward a step up once its next morning is settled: finished, not too hard, a pain
    /// score within the limit and no symptom.
    public static func isGood(_ feedback: ExerciseFeedback, ceiling: Int) -> Bool {
        feedback.completed && feedback.difficulty != .tooHard && feedback.symptoms.isEmpty
            && (feedback.painDuring.map { $0 <= ceiling } ?? false) && feedback.nextMorning != .notSettled
    }

    /// The next morning after a session (rule 5.2-4): settled lets a good session count (and two of them, on two
    /// days, step up: 5.2-6); not settled holds the level, and twice in a row steps it back.
    public func morning(
        _ answer: NextMorning, state: ExerciseState, wentWell: Bool, limits: Limits
    ) -> (decision: ProgressionDecision, state: ExerciseState) {
        var next = state
        let title = catalogue[state.exerciseID]?.title ?? state.exerciseID
        func decision(_ action: ProgressionAction, _ reason: String, rule: String) -> (ProgressionDecision, ExerciseState) {
            (
                ProgressionDecision(
                    exerciseID: state.exerciseID, action: action, nextExerciseID: next.exerciseID, nextDose: next.dose, reason: reason,
                    rule: rule), next
            )
        }
        if answer == .notSettled {
            let unsettled = notSettled(&next, title: title, limits: limits)
            return decision(unsettled.action, unsettled.reason, rule: "5.2-4")
        }
        next.unsettledMornings = 0
        guard wentWell else { return decision(.hold, "\(title) stays the same until a session feels right.", rule: "5.2-6") }
        let credited = credit(&next, title: title, limits: limits)
        return decision(credited.action, credited.reason, rule: credited.rule)
    }

    /// One good session with a settled morning: the second in a row steps one variable up (rule 5.2-6), or moves to
    /// the next variation when its phase and her conditions allow it (5.2-7).
    /// An unsettled next morning: the level holds; the second in a row steps it back (rule 5.2-4).
    private func notSettled(_ next: inout ExerciseState, title: String, limits: Limits) -> (action: ProgressionAction, reason: String) {
        next.unsettledMornings += 1
        next.goodSessions = 0
        guard next.unsettledMornings >= Self.unsettledMorningsToRegress else {
            return (.hold, "Pain had not settled by the next morning, so \(title) stays at the same level.")
        }
        next.unsettledMornings = 0
        let step = regress(&next, limits: limits)
        return (.regress, "Pain had not settled by the next morning twice in a row, so \(step.words(title)).")
    }

    private func credit(_ next: inout ExerciseState, title: String, limits: Limits) -> (
        action: ProgressionAction, reason: String, rule: String
    ) {
        next.goodSessions += 1
        guard next.goodSessions >= Self.sessionsToProgress else {
            return (.hold, "Good work. One more good session on another day and \(title) steps up.", "5.2-6")
        }
        next.goodSessions = 0
        guard let exercise = catalogue[next.exerciseID] else { return (.hold, "\(title) stays the same.", "5.2-6") }
        if let harder = DoseLadder.step(up: next.dose, toward: exercise.targetDose) {
            next.dose = harder
            return (.progress, "\(title) goes up to \(harder.summary).", "5.2-6")
        }
        if let nextID = exercise.progression, let harder = catalogue[nextID], limits.allows(harder) {
            next.exerciseID = harder.id
            next.dose = harder.dose
            return (.progress, "You are ready for the next step: \(harder.title).", "5.2-6")
        }
        return (.hold, "\(title) is at its top level for now; keep it up while the next step waits for a later phase.", "5.2-7")
    }

    /// What a step back changed, always something she can see.
    enum RegressStep {
        case smallerDose(Dose)
        case easierExercise(String)
        /// At its floor: the ladder sits out a week of sessions.
        case rest

        func words(_ title: String) -> String {
            switch self {
            case .smallerDose(let dose): "next time \(title) is easier: \(dose.summary)"
            case .easierExercise(let easier): "next time you do \(easier) instead"
            case .rest: "\(title) rests for a week, as it is already at its easiest. A pelvic-health physio can check what suits you"
            }
        }
    }

    /// One step down: less volume down to the starting dose; then the easier linked exercise when it is allowed;
    /// then less volume down to the exercise's floor; at the floor, a week's rest (rules 5.2-3, 5.2-4).
    @discardableResult
    func regress(_ state: inout ExerciseState, limits: Limits) -> RegressStep {
        state.goodSessions = 0
        guard let exercise = catalogue[state.exerciseID] else {
            state.restSessions = limits.sessionsPerWeek
            return .rest
        }
        if let easier = DoseLadder.step(down: state.dose, floor: exercise.dose) {
            state.dose = easier
            return .smallerDose(easier)
        }
        if let backID = exercise.regression, let back = catalogue[backID], limits.allows(back) {
            state.exerciseID = back.id
            state.dose = back.dose
            return .easierExercise(back.title)
        }
        if let easier = DoseLadder.step(down: state.dose, floor: DoseLadder.floor(of: exercise.dose)) {
            state.dose = easier
            return .smallerDose(easier)
        }
        state.restSessions = limits.sessionsPerWeek
        return .rest
    }

    static func describe(_ symptom: ProvokedSymptom) -> String {
        switch symptom {
        case .leaking: "leaking"
        case .heaviness: "heaviness in the pelvis"
        case .doming: "doming of the tummy"
        case .pain: "sharp pain"
        }
    }
}
