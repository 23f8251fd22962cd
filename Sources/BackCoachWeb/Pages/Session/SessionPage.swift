import BackCoachContent
import BackCoachCore
import Foundation

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
    /// Sent back with her answers and what to change: the form alone, no player.
    let review: Bool
    let error: String?
    let sessionPain: String?

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
        let answer: Answer
    }

    /// What she gave for one exercise, when the form comes back to her.
    struct Answer {
        let done: Bool
        let tooEasy: Bool
        let tooHard: Bool
        let pain: String?
        let leaking: Bool
        let heaviness: Bool
        let doming: Bool
        let sharp: Bool
        /// "Not quite right?" opens when she said anything in it.
        let opened: Bool

        init(_ answers: [String: [String]], index: Int) {
            let difficulty = answers["difficulty.\(index)"]?.first
            let symptoms = Set(answers["symptoms.\(index)"] ?? [])
            done = answers["done.\(index)"] != nil
            tooEasy = difficulty == "tooEasy"
            tooHard = difficulty == "tooHard"
            pain = answers["pain.\(index)"]?.first.flatMap { $0.isEmpty ? nil : $0 }
            (leaking, heaviness, doming, sharp) = (
                symptoms.contains("leaking"), symptoms.contains("heaviness"), symptoms.contains("doming"), symptoms.contains("pain")
            )
            opened = tooEasy || tooHard || pain != nil || !symptoms.isEmpty
        }
    }

    /// `speed` runs the timers faster, for a quick look (1 is real time).
    static func make(
        _ planned: PlannedSession, on date: LocalDate, speed: Int, catalogue: ExerciseCatalogue, figures: ExerciseFigures,
        context: AppRequestContext, assets: Assets, answers: [String: [String]] = [:], error: String? = nil
    ) -> SessionPage {
        let number = planned.number
        let steps = planned.exercises.enumerated().map { index, planned in
            let exercise = catalogue[planned.id]
            return SessionPage.ExerciseStep(
                index: index, id: planned.id, title: planned.title, doseSummary: planned.doseSummary, cues: exercise?.cues ?? [],
                steps: exercise?.steps ?? [], notes: planned.notes, sets: planned.dose.sets, reps: planned.dose.reps,
                hold: planned.dose.holdSeconds, perSide: planned.dose.perSide, rest: planned.dose.restSeconds,
                tempo: planned.dose.secondsPerRep,
                firstCue: exercise?.cues.first ?? "", figure: figures.image(for: planned.id, dose: planned.dose),
                answer: Answer(answers, index: index))
        }
        return SessionPage(
            chrome: Chrome(title: "Session \(number)", context: context, section: .today, assets: assets),
            playerJS: assets.url("player.js"), date: date.description, sessionID: UUID().uuidString.lowercased(),
            sessionNumber: number,
            minutes: planned.estimatedMinutes, speed: speed, exercises: steps, review: error != nil, error: error,
            sessionPain: answers["pain"]?.first.flatMap { $0.isEmpty ? nil : $0 })
    }
}
