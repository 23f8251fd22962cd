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

    /// `speed` runs the timers faster, for a quick look (1 is real time).
    static func make(
        _ planned: PlannedSession, on date: LocalDate, speed: Int, catalogue: ExerciseCatalogue, figures: ExerciseFigures,
        context: AppRequestContext, assets: Assets
    ) -> SessionPage {
        let number = planned.number
        let steps = planned.exercises.enumerated().map { index, planned in
            let exercise = catalogue[planned.id]
            return SessionPage.ExerciseStep(
                index: index, id: planned.id, title: planned.title, doseSummary: planned.doseSummary, cues: exercise?.cues ?? [],
                steps: exercise?.steps ?? [], notes: planned.notes, sets: planned.dose.sets, reps: planned.dose.reps,
                hold: planned.dose.holdSeconds, perSide: planned.dose.perSide, rest: planned.dose.restSeconds,
                tempo: planned.dose.secondsPerRep,
                firstCue: exercise?.cues.first ?? "", figure: figures.image(for: planned.id, dose: planned.dose))
        }
        return SessionPage(
            chrome: Chrome(title: "Session \(number)", context: context, section: .today, assets: assets),
            playerJS: assets.url("player.js"), date: date.description, sessionID: UUID().uuidString.lowercased(),
            sessionNumber: number,
            minutes: planned.estimatedMinutes, speed: speed, exercises: steps, painScale: Array(0...10))
    }
}
