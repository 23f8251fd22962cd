/// Builds a week of sessions from the intake and the ladder state.
///
/// Each session fits `minutesPerDay` (estimated from dose and rest) and runs the pillars in the
/// home-program order: relax, hip mobility, glute strength, deep core, upper back. Across the week the
/// choice within each pillar rotates, so every pillar's exercises are covered.
public struct ProgramGenerator: Sendable {
    public let catalogue: ExerciseCatalogue
    public let noteTexts: [ProgramNoteID: ProgramNoteText]

    /// More than this in one short session is hard to follow with a baby nearby.
    public static let maxExercisesPerSession = 8

    /// Why an exercise her clinician took out is missing (her clinician's own reason is in her care-team log).
    public static let takenOutReason = "Your clinician has taken this out of your plan for now."

    public init(catalogue: ExerciseCatalogue, noteTexts: [ProgramNoteID: ProgramNoteText]) {
        self.catalogue = catalogue
        self.noteTexts = noteTexts
    }

    /// A program for someone whose triage allows one. `state` is nil for a new program.
    public func generate(
        answers given: IntakeAnswers, triage: TriageResult, startDate: LocalDate,
        state: ProgramState? = nil, painCeilingOverride: Int? = nil
    ) -> Program {
        let adjustments = state?.adjustments ?? .none
        let answers = adjustments.applied(to: given)
        let context = ProgramContext(answers: answers)
        let allowed = PhaseRules.allowedPhase(for: answers, confirmed: adjustments.confirmedGates)
        let phase = min(state?.phase ?? allowed.phase, allowed.phase)
        let tolerates = state?.toleratesDeferred ?? false
        let ceiling = PainCeiling.ceiling(for: context, override: painCeilingOverride, clinician: adjustments.painCeiling)

        var excluded: [ExcludedExercise] = []
        var candidates: [Candidate] = []
        for root in catalogue.ladderRoots {
            var entry: Candidate?
            // An exercise her clinician took out stays out with every harder step after it on its ladder.
            var takenOut = false
            for rung in catalogue.ladder(from: root) {
                takenOut = takenOut || adjustments.excluded.contains(rung.id)
                if takenOut {
                    excluded.append(ExcludedExercise(id: rung.id, ref: rung.ref, title: rung.title, reason: Self.takenOutReason))
                    continue
                }
                switch ExerciseEligibility.evaluate(rung, context: context, phase: phase, toleratesDeferred: tolerates) {
                case .allowed(let notes):
                    if entry == nil { entry = Candidate(exercise: rung, dose: rung.dose, notes: notes) }
                case .excluded(let reason):
                    excluded.append(ExcludedExercise(id: rung.id, ref: rung.ref, title: rung.title, reason: reason))
                }
            }
            // An exercise resting after it stepped back at its easiest sits out, and says why (rules 5.2-3, 5.2-4).
            if let saved = state?.ladders[root.id], saved.restSessions > 0, let resting = catalogue[saved.exerciseID] {
                excluded.append(
                    ExcludedExercise(
                        id: resting.id, ref: resting.ref, title: resting.title,
                        reason:
                            "Resting for a week: it brought on symptoms even at its easiest. A pelvic-health physio can check it with you.")
                )
                continue
            }
            // A saved position wins when that exercise is still allowed; otherwise fall back to the entry rung.
            if let saved = state?.ladders[root.id], let exercise = catalogue[saved.exerciseID],
                !excluded.contains(where: { $0.id == exercise.id }),
                case .allowed(let notes) = ExerciseEligibility.evaluate(
                    exercise, context: context, phase: phase, toleratesDeferred: tolerates)
            {
                entry = Candidate(exercise: exercise, dose: saved.dose, notes: notes)
            }
            if let entry { candidates.append(entry) }
        }

        let sessions = plan(
            candidates: candidates, days: answers.daysPerWeek, budget: answers.minutesPerDay * 60,
            // RF-17's advice promises pelvic-floor training in every session: for symptoms and for a tummy gap (CTX-3, CTX-4).
            mustInclude: context.conditions.isDisjoint(with: [.pelvicFloorSymptoms, .diastasis]) ? nil : "pelvic-floor-training")
        let notes = ProgramNotesRules.notes(for: answers, context: context, triage: triage, ceiling: ceiling)
            .compactMap { id -> ProgramNote? in
                guard let text = noteTexts[id] else { return nil }
                let filled = text.text.replacingOccurrences(of: "{ceiling}", with: String(ceiling))
                return ProgramNote(id: id, text: filled, sources: text.sources)
            }
        return Program(
            startDate: startDate, reviewDate: startDate.adding(days: 7),
            phase: phase == allowed.phase
                ? allowed
                : PhaseDecision(
                    phase: phase,
                    reasons: allowed.reasons + [
                        "You are working through \(phase.title) first; the next phase opens when your sessions show you are ready."
                    ]),
            painCeiling: ceiling, minutesPerDay: answers.minutesPerDay, sessions: sessions,
            excluded: excluded, notes: notes)
    }

    struct Candidate {
        let exercise: Exercise
        let dose: Dose
        let notes: [String]
        var seconds: Int { dose.estimatedSeconds }
    }

    /// Round-robin over the pillars in order, one exercise per pillar per round, while time allows.
    /// A per-pillar pointer carries over between sessions so the week rotates through every exercise.
    private func plan(candidates: [Candidate], days: Int, budget: Int, mustInclude: String?) -> [PlannedSession] {
        let byPillar = Dictionary(grouping: candidates, by: \.exercise.pillar)
        var pointers: [Pillar: Int] = [:]
        let order = Dictionary(uniqueKeysWithValues: catalogue.exercises.enumerated().map { ($1.id, $0) })
        return (1...days).map { number in
            var chosen = candidates.filter { $0.exercise.id == mustInclude }
            var total = chosen.reduce(0) { $0 + $1.seconds }
            var added = true
            var round = 0
            while added && chosen.count < Self.maxExercisesPerSession {
                added = false
                // The first round runs in pillar order; later rounds start at a pillar that moves with the
                // session number, so the extra slots spread evenly over the week.
                let shift = round == 0 ? 0 : (number + round - 1) % Pillar.allCases.count
                let pillars = Array(Pillar.allCases[shift...] + Pillar.allCases[..<shift])
                round += 1
                for pillar in pillars where chosen.count < Self.maxExercisesPerSession {
                    let options = byPillar[pillar] ?? []
                    let start = pointers[pillar, default: 0]
                    for offset in options.indices {
                        let index = (start + offset) % options.count
                        let option = options[index]
                        guard !chosen.contains(where: { $0.exercise.id == option.exercise.id }),
                            total + option.seconds <= budget
                        else { continue }
                        chosen.append(option)
                        total += option.seconds
                        pointers[pillar] = index + 1
                        added = true
                        break
                    }
                }
            }
            let pillarRank = Dictionary(uniqueKeysWithValues: Pillar.allCases.enumerated().map { ($1, $0) })
            let ordered = chosen.sorted {
                (pillarRank[$0.exercise.pillar]!, order[$0.exercise.id]!) < (pillarRank[$1.exercise.pillar]!, order[$1.exercise.id]!)
            }
            let exercises = ordered.map {
                PlannedExercise(
                    id: $0.exercise.id, ref: $0.exercise.ref, pillar: $0.exercise.pillar, title: $0.exercise.title,
                    dose: $0.dose, doseSummary: $0.dose.summary, estimatedSeconds: $0.seconds, notes: $0.notes)
            }
            return PlannedSession(number: number, exercises: exercises, estimatedSeconds: total)
        }
    }
}
