import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation

/// What the HTTP layer needs, built once by the composition root (`BackCoachApp`).
public struct WebDependencies: Sendable {
    public let store: any BackCoachStore
    public let content: ContentLibrary
    public let passwords: PasswordHasher
    public let throttle: SignInThrottle
    /// The current time; tests pin it.
    public let now: @Sendable () -> Date
    /// Checks the database answers, for /healthz.
    public let healthCheck: @Sendable () async throws -> Void
    /// Renders the Prometheus text for /metrics.
    public let metricsText: @Sendable () -> String
    /// The address people reach the app at (for links such as the calendar feed), without a trailing slash.
    public let publicBaseURL: String
    /// Plans already worked out, by everything they depend on (see `ProgramService.currentIfAnswered`).
    let assessments = BoundedCache<ProgramService.AssessmentKey, Assessment>(capacity: 2048)
    /// Exercise figures, drawn once each on first use.
    let figures: ExerciseFigures

    public init(
        store: any BackCoachStore, content: ContentLibrary, passwords: PasswordHasher, throttle: SignInThrottle? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, healthCheck: @escaping @Sendable () async throws -> Void = {},
        metricsText: @escaping @Sendable () -> String = { "" }, publicBaseURL: String = "http://127.0.0.1:8080"
    ) {
        self.store = store
        self.content = content
        self.figures = ExerciseFigures(content: content)
        self.passwords = passwords
        self.throttle = throttle ?? SignInThrottle(store: store)
        self.now = now
        self.healthCheck = healthCheck
        self.metricsText = metricsText
        self.publicBaseURL = publicBaseURL
    }

    /// Today's date in UTC (the API's dates are calendar dates the client sends; this is only a default).
    var today: LocalDate { LocalDate(now()) }
}
