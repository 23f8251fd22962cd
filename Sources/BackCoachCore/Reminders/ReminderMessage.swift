/// What a reminder says. A lock screen is public, so no text names her pain, a symptom or a safety concern: the
/// advice itself is behind the tap, on Today.
public enum ReminderMessage: Equatable, Sendable {
    /// A planned session is due today.
    case session(minutes: Int, exercises: Int)
    /// She has missed 3 planned sessions: one gentle word, then silence until she is back.
    case missedDays
    /// Her program is paused or withheld: the only reminder points to the advice on Today.
    case readAdvice
    /// "Send a test reminder" in settings.
    case test

    public var title: String { "BackCoach" }

    public var body: String {
        switch self {
        case .session(let minutes, let exercises):
            "Today: \(minutes) minutes, \(exercises) exercise\(exercises == 1 ? "" : "s")."
        case .missedDays: "It has been a few days. Whenever you are ready, even one short session helps."
        case .readAdvice: "Please open BackCoach and read today's advice before you exercise."
        case .test: "This is a test reminder. Reminders will look like this."
        }
    }

    /// Where a tap takes her.
    public var path: String { "/today" }
}
