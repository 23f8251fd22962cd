/// Whether one exercise suits her now, and if not, why.
public enum ExerciseEligibility: Equatable, Sendable {
    case allowed(notes: [String])
    case excluded(reason: String)

    /// Phase gate first (rule 5.2-7: no exercise earlier than its phase), then equipment, then the
    /// exercise's own conditions. Deferred exercises come in once `pgpTolerated` is true (CTX-5).
    public static func evaluate(
        _ exercise: Exercise, context: ProgramContext, phase: Phase, toleratesDeferred: Bool
    ) -> ExerciseEligibility {
        if exercise.earliestPhase > phase.rawValue {
            let start = Phase(rawValue: exercise.earliestPhase)!
            return .excluded(reason: "It starts in \(start.title); you are in \(phase.title).")
        }
        let missing = exercise.equipment.filter { !context.equipment.contains($0) }
        if !missing.isEmpty {
            return .excluded(reason: "It needs equipment you don't have: \(missing.map(\.displayName).joined(separator: ", ")).")
        }
        let matching = exercise.conditions(matching: context.conditions)
        if let exclusion = matching.first(where: { $0.effect == .exclude }) {
            return .excluded(reason: exclusion.note)
        }
        if !toleratesDeferred, let deferral = matching.first(where: { $0.effect == .deferUntilTolerated }) {
            return .excluded(reason: deferral.note)
        }
        return .allowed(notes: matching.filter { $0.effect == .modify }.map(\.note))
    }

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }
}

extension Equipment {
    public var displayName: String {
        switch self {
        case .miniBand: "a mini band"
        case .cushion: "a cushion"
        case .chair: "a chair"
        case .wall: "a wall"
        case .doorway: "a doorway"
        }
    }
}
