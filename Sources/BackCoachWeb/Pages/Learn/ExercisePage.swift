import BackCoachContent
import BackCoachCore

/// One exercise: how to do it, its dose, and its ladder.
struct ExercisePage {
    let chrome: Chrome
    let exercise: Exercise
    let figure: ExerciseFigures.Image?
    let pillar: String
    let dose: String
    let target: String
    let ladder: [Rung]
    let conditions: [String]
    let equipment: String?

    struct Rung {
        let id: String
        let title: String
        let ref: String
        let current: Bool
    }

    /// The exercise with its place on its ladder (easier and harder steps).
    static func make(
        _ exercise: Exercise, catalogue: ExerciseCatalogue, figures: ExerciseFigures, context: AppRequestContext, assets: Assets
    ) -> ExercisePage {
        let id = exercise.id
        let root = catalogue.ladderRoots.first { catalogue.ladder(from: $0).contains { $0.id == id } } ?? exercise
        return ExercisePage(
            chrome: Chrome(title: exercise.title, context: context, section: .learn, assets: assets), exercise: exercise,
            figure: figures.image(for: id), pillar: exercise.pillar.title, dose: exercise.dose.summary,
            target: exercise.targetDose.summary,
            ladder: catalogue.ladder(from: root).map { .init(id: $0.id, title: $0.title, ref: $0.ref, current: $0.id == id) },
            conditions: exercise.conditions.map(\.note),
            equipment: exercise.equipment.isEmpty ? nil : exercise.equipment.map(\.displayName).joined(separator: ", "))
    }
}
