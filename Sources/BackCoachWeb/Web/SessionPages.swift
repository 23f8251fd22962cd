import BackCoachContent
import BackCoachCore

/// Today: the session due, the safety check when it is due, or a rest day.
struct TodayPage {
    let chrome: Chrome
    let dateText: String
    let isSession: Bool
    let isRest: Bool
    let isPaused: Bool
    let isWithheld: Bool
    let screenRequired: Bool
    let completed: Bool
    let sessionNumber: Int
    let minutes: Int
    let exercises: [PlannedExercise]
    let tip: String?
    let rescreenIntro: String
    let flagGroups: [SafetyQuestionForm.Group]
    let labels: QuestionSet.AnswerLabels
    let flags: [TriageFlag]
    /// 0 to 10, for today's resting pain.
    let painScale: [Int]
    /// Paused by an earlier day's check: a new check (with "I have been seen") may lift it.
    let canRecheck: Bool
    /// Her country's numbers, when a safety reason stops today's session.
    let contacts: Contacts?
    /// The day of a session waiting for "how is your pain this morning?", as words.
    let nextMorningFor: String?
    let morningSaved: Bool
}

/// The guided session: a checklist form that works without JavaScript, which player.js turns into a
/// step-by-step player with timers and voice cues.
struct SessionPage {
    let chrome: Chrome
    let playerJS: String
    let date: String
    /// Sent back with the feedback, so a double submit or an offline retry logs the session once.
    let sessionID: String
    let sessionNumber: Int
    let minutes: Int
    let speed: Int
    let exercises: [ExerciseStep]
    let painScale: [Int]

    struct ExerciseStep {
        let index: Int
        let id: String
        let title: String
        let doseSummary: String
        let cues: [String]
        let steps: [String]
        let notes: [String]
        let sets: Int
        let reps: Int
        let hold: Int
        let perSide: Bool
        let rest: Int
        let tempo: Int
        let firstCue: String
        let figure: ExerciseFigures.Image?
    }
}

/// After a session: what changes next time, in plain words.
struct SessionDonePage {
    let chrome: Chrome
    let decisions: [DecisionView]
    let phaseChange: String?

    struct DecisionView {
        let title: String
        let reason: String
        let isProgress: Bool
        let isRegress: Bool
    }
}

/// "Stop: something is wrong": what she can report to stop at once (content: questions.json `sessionStopSigns`).
struct SessionStopPage {
    let chrome: Chrome
    let stopSigns: [QuestionSet.StopSign]
}
