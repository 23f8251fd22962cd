/// How much of an exercise to do. Counts are per side when `perSide` is true.
public struct Dose: Codable, Equatable, Hashable, Sendable {
    public var sets: Int
    /// Repetitions per set (for stretches: how many times the hold is repeated).
    public var reps: Int
    /// Seconds each repetition is held (0 for plain repetitions).
    public var holdSeconds: Int
    public var perSide: Bool
    /// Rest between sets.
    public var restSeconds: Int
    /// Seconds one repetition takes to move through, not counting the hold.
    public var secondsPerRep: Int

    public init(sets: Int, reps: Int, holdSeconds: Int = 0, perSide: Bool = false, restSeconds: Int = 30, secondsPerRep: Int = 3) {
        self.sets = sets
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.perSide = perSide
        self.restSeconds = restSeconds
        self.secondsPerRep = secondsPerRep
    }

    /// Time to get into position and read the cue, added once per exercise.
    public static let setupSeconds = 15

    /// Estimated seconds for the whole exercise: work on each side, rest between sets, and setup.
    public var estimatedSeconds: Int {
        let sides = perSide ? 2 : 1
        let work = sets * sides * reps * (secondsPerRep + holdSeconds)
        return work + max(0, sets - 1) * restSeconds + Self.setupSeconds
    }

    /// "2 × 8 each side, hold 3 s" — the dose as a person reads it.
    public var summary: String {
        var text = sets > 1 ? "\(sets) × \(reps)" : "\(reps) \(reps == 1 ? "time" : "times")"
        if perSide { text += " each side" }
        if holdSeconds > 0 { text += ", hold \(holdSeconds) s" }
        if sets > 1 { text += ", rest \(restSeconds) s between sets" }
        return text
    }
}
