import BackCoachContent
import BackCoachCore
import BackCoachServices

/// The plan, explained.
struct PlanPage {
    let chrome: Chrome
    let phaseTitle: String
    let reasons: [String]
    let painCeiling: Int
    let sessions: [SessionView]
    let excluded: [ExcludedExercise]
    /// What keeps her safe (stop signs, the caesarean and pelvic-floor advice…): shown first.
    let safetyNotes: [ProgramNote]
    /// Everything else worth knowing, folded.
    let notes: [ProgramNote]
    let flags: [TriageFlag]
    let hasFlags: Bool
    /// In the last phase: the return-to-running check is offered.
    let offersRunningCheck: Bool
    /// A safety check has paused the plan: that comes first, before any exercise.
    let paused: Bool

    /// Notes that keep her safe come before the exercises; the pain limit has its own line there.
    static let safetyFirst: [ProgramNoteID] = [
        .stopSigns, .caesarean, .complications, .assistedOrTear, .pelvicFloor, .diastasis, .pelvicGirdlePain, .earlyPhysio,
        .mentionFlags,
    ]

    struct SessionView {
        let open: Bool
        let number: Int
        let minutes: Int
        let exercises: [ExerciseView]
    }

    struct ExerciseView {
        let id: String
        let title: String
        let doseSummary: String
        let notes: [String]
        let figure: ExerciseFigures.Image?
    }

    static func make(
        _ program: Program, current: ProgramService.Current, figures: ExerciseFigures, context: AppRequestContext, assets: Assets
    ) -> PlanPage {
        let flags = current.assessment.triage.flags
        return PlanPage(
            chrome: Chrome(title: "Your plan", context: context, section: .today, assets: assets),
            phaseTitle: program.phase.title,
            reasons: program.phase.reasons, painCeiling: program.painCeiling,
            sessions: program.sessions.enumerated().map { index, session in (index, session) }.map { index, session in
                .init(
                    open: index == 0, number: session.number, minutes: session.estimatedMinutes,
                    exercises: session.exercises.map {
                        .init(
                            id: $0.id, title: $0.title, doseSummary: $0.doseSummary, notes: $0.notes,
                            figure: figures.image(for: $0.id, dose: $0.dose))
                    })
            },
            excluded: program.excluded,
            safetyNotes: safetyFirst.compactMap { id in program.notes.first { $0.id == id } },
            notes: program.notes.filter { !safetyFirst.contains($0.id) && $0.id != .painCeiling }, flags: flags, hasFlags: !flags.isEmpty,
            offersRunningCheck: program.phase.phase == .fullStrength && !current.paused, paused: current.paused)
    }
}
