import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation

/// What every service shares: the store, the content, the clock and the plans already worked out.
/// Built once by `Services`; no interface ever sees the store.
struct ServiceContext: Sendable {
    let store: any BackCoachStore
    let content: ContentLibrary
    /// The current time; tests pin it.
    let now: @Sendable () -> Date
    /// The address people reach the app at, without a trailing slash, for links in feeds and exports.
    let publicBaseURL: String
    /// Plans already worked out, by everything they depend on (see `ProgramService.currentIfAnswered`).
    let assessments = BoundedCache<AssessmentKey, Assessment>(capacity: 2048)

    var coach: Coach { content.coach }

    /// Today's date in UTC. Every service asks here, so her own time zone changes one line.
    var today: LocalDate { LocalDate(now()) }
}
