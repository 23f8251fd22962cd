public enum Difficulty: String, IntakeOption {
    case tooEasy, right, tooHard

    /// As a person writes it, for exports and the clinician's pages.
    public var words: String {
        switch self {
        case .tooEasy: "too easy"
        case .right: "about right"
        case .tooHard: "too hard"
        }
    }
}

/// Symptoms an exercise brought on. Any of them means regress (rule 5.2-3, CTX-3, CTX-4).
public enum ProvokedSymptom: String, IntakeOption {
    case leaking, heaviness, doming, pain
}

/// Next morning, compared with before the session (rule 5.2-4).
public enum NextMorning: String, IntakeOption {
    case settled, notSettled

    /// As a person writes it, for exports and the clinician's pages.
    public var words: String {
        switch self {
        case .settled: "settled"
        case .notSettled: "not settled"
        }
    }
}

/// What she reports about one exercise after a session.
public struct ExerciseFeedback: Codable, Equatable, Sendable {
    public var exerciseID: String
    public var completed: Bool
    public var difficulty: Difficulty?
    /// Worst pain during the exercise, 0–10.
    public var painDuring: Int?
    /// Known only the next day; nil until then.
    public var nextMorning: NextMorning?
    public var symptoms: Set<ProvokedSymptom>

    public init(
        exerciseID: String, completed: Bool, difficulty: Difficulty? = nil, painDuring: Int? = nil,
        nextMorning: NextMorning? = nil, symptoms: Set<ProvokedSymptom> = []
    ) {
        self.exerciseID = exerciseID
        self.completed = completed
        self.difficulty = difficulty
        self.painDuring = painDuring
        self.nextMorning = nextMorning
        self.symptoms = symptoms
    }
}
