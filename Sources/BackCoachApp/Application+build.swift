import BackCoachContent
import BackCoachServices
import BackCoachStorage
import BackCoachWeb
import Foundation
import Hummingbird
import Logging

/// Builds the server: opens the database (migrating it unless told not to), loads and checks the content,
/// and wires the routes. The database closes on graceful shutdown, after the last request.
public func buildApplication(config: AppConfig, logger: Logger) async throws -> some ApplicationProtocol {
    _ = AppMetrics.registry  // bootstrap metrics before any request records one
    // Everything that can fail without the database is loaded first, so a failure never leaves a pool open.
    let content = try ContentLibrary.bundled()
    let renderer = try await WebRenderer.bundled()
    let database = try openDatabase(config.database, logger: logger)
    do {
        if config.migrateOnStart {
            try await database.migrate()
        } else {
            let pending = try await database.pendingMigrations()
            guard pending.isEmpty else {
                throw StartupError("\(pending.count) database migrations are pending; run `backcoach migrate` first")
            }
        }
    } catch {
        await database.shutdown()
        throw error
    }
    let store = database.store
    var now: @Sendable () -> Date = { Date() }
    if let file = config.testClockFile {
        logger.warning("The clock is moved by a test file; never use this in real use", metadata: ["file": "\(file)"])
        now = TestClock.reading(file)
    }
    let pushClient = HTTPPushTransport()
    let dependencies = WebDependencies(
        store: store, content: content, passwords: PasswordHasher(cost: config.bcryptCost),
        throttle: SignInThrottle(store: store, signUpsPerAddressPerHour: config.signUpsPerHour), now: now,
        healthCheck: { try await database.ping() }, metricsText: AppMetrics.text, publicBaseURL: config.publicURL,
        mailer: config.smtp.map { SMTPMailer(host: $0.host, port: $0.port, from: config.mailFrom) },
        push: PushSettings(transport: pushClient, contact: config.pushContact, allowLoopbackEndpoints: config.pushAllowLoopback))
    let router = try buildRouter(dependencies, renderer: renderer)
    if config.benchRoutes {
        // The ceiling for benchmarks: the same middleware as every route, and no database or template work.
        router.get("/bench/ping") { _, _ in "pong" }
    }
    var app = Application(
        router: HeadAsGet(router),
        // A connection that sends nothing for this long is closed: slow or stalled clients can't hold the server's
        // connections (an outside probe held 200 for 55 s with half-sent headers).
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(connectionIdleTimeout)))),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "BackCoach"),
        logger: logger)
    // Reminders go out from every server; each due one is claimed by one of them (`ReminderScheduler`).
    app.addServices(database, ReminderRunner(scheduler: dependencies.services.reminderScheduler, client: pushClient))
    logger.info("BackCoach ready", metadata: ["database": "\(config.database)", "address": "\(config.host):\(config.port)"])
    return app
}

/// Seconds a connection may stay silent, mid-request or between requests, before the server closes it.
public let connectionIdleTimeout = 15

public struct StartupError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
