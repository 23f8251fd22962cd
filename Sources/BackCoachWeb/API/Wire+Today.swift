import BackCoachAPI
import BackCoachCore
import BackCoachServices

/// Today, the API's most-read answer, mapped field by field instead of through `Wire.convert`: encoding Core's value
/// to JSON and decoding it into the wire type took a third of the server's time on `GET /api/v1/me/today`
/// (perf, docs/performance.md). `WireBridgeTests` holds this mapping equal to the generic bridge for every day of
/// a grid of plans. The rare parts (why a plan is paused, who to call) still go through the bridge.
extension Wire {
    static func today(_ day: Day) throws -> Components.Schemas.Today {
        guard let status = Components.Schemas.Today.StatusPayload(rawValue: day.status.rawValue) else {
            throw WireMismatch(field: "status", value: day.status.rawValue)
        }
        return Components.Schemas.Today(
            date: day.date.description, status: status, sessionNumber: day.sessionNumber,
            session: try day.session.map(session), estimatedMinutes: day.session?.estimatedMinutes,
            screenRequired: day.screenRequired, completed: day.completed, tip: day.tip,
            triage: try day.triage.map { try convert($0) }, contacts: try day.contacts.map { try convert($0) },
            nextMorningFor: day.nextMorningFor?.description, checkedIn: day.checkedIn, clinicianNote: day.clinicianNote,
            phaseNews: day.phaseNews)
    }

    static func session(_ session: PlannedSession) throws -> Components.Schemas.PlannedSession {
        Components.Schemas.PlannedSession(
            number: session.number, estimatedSeconds: session.estimatedSeconds,
            exercises: try session.exercises.map { exercise in
                guard
                    let pillar = Components.Schemas.PlannedSession.ExercisesPayloadPayload.PillarPayload(rawValue: exercise.pillar.rawValue)
                else { throw WireMismatch(field: "pillar", value: exercise.pillar.rawValue) }
                return .init(
                    id: exercise.id, ref: exercise.ref, pillar: pillar, title: exercise.title, dose: dose(exercise.dose),
                    doseSummary: exercise.doseSummary, estimatedSeconds: exercise.estimatedSeconds, notes: exercise.notes)
            })
    }

    static func dose(_ dose: Dose) -> Components.Schemas.Dose {
        Components.Schemas.Dose(
            sets: dose.sets, reps: dose.reps, holdSeconds: dose.holdSeconds, perSide: dose.perSide, restSeconds: dose.restSeconds,
            secondsPerRep: dose.secondsPerRep)
    }

    /// A Core value the document has no name for: the document and Core disagree, which a test should have caught.
    struct WireMismatch: Error, CustomStringConvertible {
        let field: String
        let value: String
        var description: String { "\(field) \"\(value)\" is not in openapi.yaml" }
    }
}
