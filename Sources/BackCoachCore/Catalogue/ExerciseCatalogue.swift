/// The validated exercise catalogue. Build it once at start-up; it never changes afterwards.
public struct ExerciseCatalogue: Sendable {
    /// In catalogue order (A1 … E4), which is also the order ties are broken in.
    public let exercises: [Exercise]
    private let byID: [String: Exercise]
    private let progressionTargets: Set<String>

    /// Validates the exercises (see `validate`) and throws the first problem found.
    public init(exercises: [Exercise], knownSources: Set<String>) throws(ContentError) {
        try Self.validate(exercises, knownSources: knownSources)
        self.exercises = exercises
        self.byID = Dictionary(uniqueKeysWithValues: exercises.map { ($0.id, $0) })
        self.progressionTargets = Set(exercises.compactMap(\.progression))
    }

    public subscript(id: String) -> Exercise? { byID[id] }

    /// Exercises that start a progression ladder (no other exercise progresses into them).
    public var ladderRoots: [Exercise] {
        exercises.filter { !progressionTargets.contains($0.id) }
    }

    /// The exercise and every harder step after it, in order.
    public func ladder(from exercise: Exercise) -> [Exercise] {
        var rungs = [exercise]
        while let next = rungs.last?.progression.flatMap({ byID[$0] }) {
            rungs.append(next)
        }
        return rungs
    }

    static func validate(_ exercises: [Exercise], knownSources: Set<String>) throws(ContentError) {
        if exercises.isEmpty { throw ContentError("the catalogue is empty") }
        var ids = Set<String>()
        var refs = Set<String>()
        for exercise in exercises {
            let name = "exercise \(exercise.id)"
            guard exercise.id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil else {
                throw ContentError("\(name): the id must be kebab-case")
            }
            guard ids.insert(exercise.id).inserted else { throw ContentError("\(name) is defined twice") }
            guard refs.insert(exercise.ref).inserted else { throw ContentError("\(name): ref \(exercise.ref) is used twice") }
            guard (0...3).contains(exercise.earliestPhase) else { throw ContentError("\(name): earliestPhase must be 0–3") }
            for (field, text) in [("title", exercise.title), ("purpose", exercise.purpose), ("startPosition", exercise.startPosition)]
            where text.isEmpty {
                throw ContentError("\(name): \(field) is empty")
            }
            if exercise.steps.isEmpty || exercise.cues.isEmpty || exercise.mistakes.isEmpty {
                throw ContentError("\(name): steps, cues and mistakes must each have at least one line")
            }
            try validate(dose: exercise.dose, target: exercise.targetDose, name: name)
            if exercise.sources.isEmpty { throw ContentError("\(name): cite at least one source") }
            for source in exercise.sources where !knownSources.contains(source) {
                throw ContentError("\(name): unknown source \(source)")
            }
            for condition in exercise.conditions where condition.note.isEmpty {
                throw ContentError("\(name): the \(condition.when.rawValue) condition needs a note")
            }
        }
        let byID = Dictionary(uniqueKeysWithValues: exercises.map { ($0.id, $0) })
        for exercise in exercises {
            for (kind, link) in [("progression", exercise.progression), ("regression", exercise.regression)] {
                guard let link else { continue }
                guard let target = byID[link] else {
                    throw ContentError("exercise \(exercise.id): \(kind) \(link) does not exist")
                }
                if link == exercise.id { throw ContentError("exercise \(exercise.id): \(kind) points to itself") }
                if kind == "progression" && target.earliestPhase < exercise.earliestPhase {
                    throw ContentError("exercise \(exercise.id): its progression \(link) cannot start in an earlier phase")
                }
            }
            var seen: Set<String> = [exercise.id]
            var next = exercise.progression
            while let id = next {
                guard seen.insert(id).inserted else {
                    throw ContentError("exercise \(exercise.id): its progressions loop back on themselves")
                }
                next = byID[id]?.progression
            }
        }
    }

    private static func validate(dose: Dose, target: Dose, name: String) throws(ContentError) {
        for (label, value) in [("dose", dose), ("targetDose", target)] {
            guard (1...5).contains(value.sets), (1...30).contains(value.reps), (0...60).contains(value.holdSeconds),
                (0...180).contains(value.restSeconds), (1...15).contains(value.secondsPerRep)
            else {
                throw ContentError("\(name): \(label) is outside sane limits (sets 1–5, reps 1–30, hold 0–60 s, rest 0–180 s)")
            }
        }
        guard target.sets >= dose.sets, target.reps >= dose.reps, target.holdSeconds >= dose.holdSeconds,
            target.perSide == dose.perSide, target.secondsPerRep == dose.secondsPerRep
        else {
            throw ContentError("\(name): targetDose must be at least the starting dose, with the same sides and tempo")
        }
    }
}
