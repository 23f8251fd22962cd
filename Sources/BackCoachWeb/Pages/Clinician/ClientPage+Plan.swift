import BackCoachCore
import BackCoachServices

/// The plan as it stands, why, and the choices for the adjustment forms.
extension ClientPage {
    static func plan(for current: ProgramService.Current, catalogue: ExerciseCatalogue) -> Plan? {
        guard let program = current.assessment.program else { return nil }
        let adjustments = current.adjustments
        let planned = Set(program.sessions.flatMap { $0.exercises.map(\.id) })
        // Only the gates her answers actually hold her at are offered (the service refuses any other).
        let held = PhaseGate.allCases.filter { $0.holds(current.answers) }
        return Plan(
            phase: program.phase.phase.title, reasons: program.phase.reasons, ceiling: program.painCeiling,
            perWeek: program.sessions.count, minutes: program.minutesPerDay,
            exercises: catalogue.exercises.filter { planned.contains($0.id) }.map {
                Choice(value: $0.id, label: $0.title, selected: false)
            },
            excluded: program.excluded.map { Line(label: $0.title, value: $0.reason) },
            takenOut: adjustments.excluded.sorted().map { Choice(value: $0, label: catalogue[$0]?.title ?? $0, selected: false) },
            ceilings: [Choice(value: "default", label: "The usual limit for her situation", selected: adjustments.painCeiling == nil)]
                + ClinicianAdjustments.painCeilingRange.map {
                    Choice(value: String($0), label: "\($0) out of 10", selected: adjustments.painCeiling == $0)
                },
            gates: held.map { Choice(value: $0.rawValue, label: $0.title, selected: adjustments.confirmedGates.contains($0)) },
            note: adjustments.note ?? "", paused: current.paused)
    }

    static func answerLines(_ answers: IntakeAnswers) -> [Line] {
        func list<T: RawRepresentable>(_ values: Set<T>) -> String where T.RawValue == String {
            values.isEmpty ? "none" : values.map(\.rawValue).sorted().joined(separator: ", ")
        }
        return [
            Line(label: "Weeks since the birth", value: String(answers.weeksSinceBirth)),
            Line(label: "Birth", value: answers.delivery.rawValue),
            Line(label: "Postnatal check done", value: answers.clinicianCleared ? "yes" : "no"),
            Line(label: "Complications", value: list(answers.complications)),
            Line(label: "Pain at rest", value: "\(answers.painAtRest)/10" + (answers.painWorsening ? ", getting worse" : "")),
            Line(label: "Where it hurts", value: list(answers.painAreas)),
            Line(label: "Pelvic-floor symptoms", value: list(answers.pelvicFloor)),
            Line(label: "Tummy gap (finger-widths)", value: answers.diastasisFingers.map(String.init) ?? "not measured"),
            Line(label: "Pelvic girdle tests that hurt", value: list(answers.pgpTests)),
            Line(label: "Sessions a week and minutes (as planned)", value: "\(answers.daysPerWeek) × \(answers.minutesPerDay) min"),
            Line(label: "Equipment", value: list(answers.equipment)),
        ]
    }
}
