import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation

/// What the HTTP layer needs, built once by the composition root (`BackCoachApp`). Handlers reach data only
/// through `services`; the store itself stays inside BackCoachServices.
public struct WebDependencies: Sendable {
    public let services: Services
    public var content: ContentLibrary { services.content }
    /// Checks the database answers, for /healthz.
    public let healthCheck: @Sendable () async throws -> Void
    /// Renders the Prometheus text for /metrics.
    public let metricsText: @Sendable () -> String
    /// The address people reach the app at (for links such as the calendar feed), without a trailing slash.
    public let publicBaseURL: String
    /// Exercise figures, drawn once each on first use.
    let figures: ExerciseFigures

    public init(
        store: any BackCoachStore, content: ContentLibrary, passwords: PasswordHasher, throttle: SignInThrottle? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, healthCheck: @escaping @Sendable () async throws -> Void = {},
        metricsText: @escaping @Sendable () -> String = { "" }, publicBaseURL: String = "http://127.0.0.1:8080",
        mailer: (any Mailer)? = nil, push: PushSettings = PushSettings()
    ) {
        self.services = Services(
            store: store, content: content, passwords: passwords, throttle: throttle, now: now, publicBaseURL: publicBaseURL,
            mailer: mailer, push: push)
        self.figures = ExerciseFigures(content: content)
        self.healthCheck = healthCheck
        self.metricsText = metricsText
        self.publicBaseURL = publicBaseURL
    }

}
