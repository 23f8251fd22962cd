import BackCoachAPI
import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// The JSON API: every operation of openapi.yaml, generated as `APIProtocol`, mapped to the services that own its
/// rules. One extension file per area (accounts, profile, program, tracking, exports, content, system); each
/// handler only converts between the generated wire types and a service call. A class, since the generated router
/// copies it into every call.
final class APIHandler: APIProtocol, Sendable {
    let services: Services
    let publicBaseURL: String
    /// Checks the database answers, for /healthz.
    let healthCheck: @Sendable () async throws -> Void
    /// The Prometheus text for /metrics.
    let metricsText: @Sendable () -> String

    var content: ContentLibrary { services.content }

    init(
        services: Services, publicBaseURL: String, healthCheck: @escaping @Sendable () async throws -> Void,
        metricsText: @escaping @Sendable () -> String
    ) {
        self.services = services
        self.publicBaseURL = publicBaseURL
        self.healthCheck = healthCheck
        self.metricsText = metricsText
    }

    /// Mounts every operation on `router`, behind the middleware that gives handlers their `APICall`.
    static func mount(on router: Router<AppRequestContext>, dependencies: WebDependencies) throws {
        let handler = APIHandler(
            services: dependencies.services, publicBaseURL: dependencies.publicBaseURL, healthCheck: dependencies.healthCheck,
            metricsText: dependencies.metricsText)
        // A group with no prefix: its middleware runs only for requests an API operation matched.
        let api = router.group().add(
            middleware: APICallMiddleware(accounts: dependencies.services.accounts, catalogue: dependencies.content.catalogue))
        try handler.registerHandlers(
            on: api, configuration: Configuration(dateTranscoder: .iso8601, jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// The day a request means by "today" or by its `date`: her local date, checked like every other date.
    func day(_ text: String?, field: String = "date", for user: User) throws -> LocalDate? {
        try DateRules.parse(text, field: field, today: services.today.today(for: user), allowed: .anyDate)
    }
}
