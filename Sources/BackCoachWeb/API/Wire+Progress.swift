import BackCoachAPI
import BackCoachCore
import BackCoachServices

/// Progress mapped field by field, as Today is (`Wire+Today.swift`): three years of weekly points went through an
/// encode, a decode and an encode again. `WireBridgeTests` holds it equal to the generic bridge.
extension Wire {
    typealias Progress = Components.Schemas.Progress

    static func progress(_ report: ProgressReport) throws -> Progress {
        guard let resolution = Progress.ResolutionPayload(rawValue: report.resolution.rawValue) else {
            throw WireMismatch(field: "resolution", value: report.resolution.rawValue)
        }
        return Progress(
            from: report.from.description, to: report.to.description, resolution: resolution,
            pain: report.pain.map { .init(date: $0.date.description, pain: $0.pain) },
            painWeeks: report.painWeeks.map { .init(weekOf: $0.weekOf.description, average: $0.average, checkins: $0.checkins) },
            baseline: report.baseline, latest: report.latest, meaningfulChange: report.meaningfulChange, threshold: report.threshold,
            messages: report.messages, suggestPhysio: report.suggestPhysio, easeOff: report.easeOff,
            adherence: .init(planned: report.adherence.planned, done: report.adherence.done),
            psfs: report.psfs.map { point in
                .init(
                    date: point.date.description, average: point.average,
                    ratings: point.ratings.map { .init(activity: $0.activity, score: $0.score) })
            },
            psfsChange: report.psfsChange.map { change in
                .init(
                    baseline: change.baseline, latest: change.latest, gain: change.gain,
                    meaningfulImprovement: change.meaningfulImprovement,
                    improvedActivities: change.improvedActivities, threshold: change.threshold,
                    activities: change.activities.map { .init(activity: $0.activity, first: $0.first, latest: $0.latest) })
            })
    }
}
