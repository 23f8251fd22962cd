/// Moves a dose one step at a time between an exercise's starting and target dose.
///
/// Rule 5.2-6: progress one variable at a time, in the order reps (+2, NHS inform) → holds → sets
/// [S12, S15]. Regression reduces volume by about a third (rule 5.2-4) [S59].
public enum DoseLadder {
    /// The next harder dose, or nil when the target is reached.
    public static func step(up dose: Dose, toward target: Dose) -> Dose? {
        var next = dose
        if dose.reps < target.reps {
            next.reps = min(target.reps, dose.reps + 2)
        } else if dose.holdSeconds < target.holdSeconds {
            // Holds grow in steps of about a quarter of the target, at least 2 s.
            next.holdSeconds = min(target.holdSeconds, dose.holdSeconds + max(2, target.holdSeconds / 4))
        } else if dose.sets < target.sets {
            next.sets = dose.sets + 1
        } else {
            return nil
        }
        return next
    }

    /// The easiest an exercise gets before it rests: one set, about half the repetitions (at least 2) and half the hold
    /// of its starting dose. Every exercise has one, so a step back always changes something she can see.
    public static func floor(of start: Dose) -> Dose {
        var floor = start
        floor.sets = 1
        floor.reps = start.reps <= 2 ? start.reps : max(2, (start.reps + 1) / 2)
        floor.holdSeconds = start.holdSeconds / 2
        return floor
    }

    /// About a third less volume, never below `start` (the exercise's starting dose, or its floor); nil when already there.
    public static func step(down dose: Dose, floor start: Dose) -> Dose? {
        var next = dose
        if dose.sets > start.sets {
            next.sets = max(start.sets, dose.sets - max(1, dose.sets / 3))
        } else if dose.reps > start.reps {
            next.reps = max(start.reps, dose.reps - max(1, (dose.reps + 2) / 3))
        } else if dose.holdSeconds > start.holdSeconds {
            next.holdSeconds = max(start.holdSeconds, dose.holdSeconds - max(1, (dose.holdSeconds + 2) / 3))
        } else {
            return nil
        }
        return next
    }
}
