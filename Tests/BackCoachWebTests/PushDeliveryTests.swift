import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Testing

@testable import BackCoachApp
@testable import BackCoachServices

/// The whole way out: the scheduler's real HTTP request, over loopback, to a push service that holds the browser's
/// private keys and opens the message as a browser would.
@Suite("Push delivery to a local push service")
struct PushDeliveryTests {
    /// What the stand-in push service received, opened.
    struct Delivery: Sendable {
        let text: [String: String]
        let authorization: String
        let ttl: String?
    }

    final class LocalPushService: Sendable {
        let browserKey = P256.KeyAgreement.PrivateKey()
        let authSecret = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let state = Mutex<(deliveries: [Delivery], answers: [HTTPResponse.Status])>(([], []))

        var deliveries: [Delivery] { state.withLock { $0.deliveries } }

        func router() -> Router<BasicRequestContext> {
            let router = Router()
            router.post("/push/{id}") { request, context -> Response in
                let body = try await request.body.collect(upTo: 8192)
                let plaintext = try WebPushEncryption.decrypt(
                    body: Data(buffer: body), subscriberPrivateKey: self.browserKey, authSecret: self.authSecret)
                let text = try JSONDecoder().decode([String: String].self, from: plaintext)
                let delivery = Delivery(
                    text: text, authorization: request.headers[.authorization] ?? "", ttl: request.headers[HTTPField.Name("TTL")!])
                let status = self.state.withLock { state in
                    state.deliveries.append(delivery)
                    return state.answers.isEmpty ? HTTPResponse.Status.created : state.answers.removeFirst()
                }
                return Response(status: status)
            }
            return router
        }
    }

    @Test("The scheduler's request reaches the push service encrypted for her browser; a 410 removes the subscription")
    func realDelivery() async throws {
        _ = AppMetrics.registry
        let pushService = LocalPushService()
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let server = Application(
            router: pushService.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) }, logger: Logger(label: "push-service"))
        let group = ServiceGroup(configuration: .init(services: [server], logger: Logger(label: "push-service")))
        let running = Task { try await group.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())

        let store = InMemoryStore()
        let transport = HTTPPushTransport()
        let start = ISO8601DateFormatter().date(from: "2026-12-07T06:00:00Z")!
        let clock = Mutex(start)
        let services = Services(
            store: store, content: try ContentLibrary.bundled(), passwords: PasswordHasher(cost: 4), now: { clock.withLock { $0 } },
            push: PushSettings(transport: transport, contact: "mailto:ops@backcoach.test", allowLoopbackEndpoints: true))
        let user = User(
            id: UserID(), email: "push@example.test", passwordHash: "x", createdAt: start, calendarSecret: "c", timeZone: "UTC")
        try await store.createUser(user)
        _ = try await services.program.saveIntake(
            IntakeAnswers(
                weeksSinceBirth: 10, delivery: .vaginal, clinicianCleared: true, painAtRest: 3, minutesPerDay: 10, daysPerWeek: 7),
            for: user)
        try await services.reminders.subscribe(
            endpoint: "http://127.0.0.1:\(port)/push/her-phone",
            p256dh: Base64URL.encode(pushService.browserKey.publicKey.x963Representation),
            auth: Base64URL.encode(pushService.authSecret), for: user)
        _ = try await services.reminders.save(
            ReminderSettings(enabled: true, days: Set(0...6), time: 8 * 60 + 30, quietFrom: 21 * 60, quietUntil: 7 * 60), for: user)

        let due = try #require(try await store.reminder(for: user.id)?.nextDue)
        clock.withLock { $0 = due }
        try await services.reminderScheduler.tick(now: due)
        let first = try #require(pushService.deliveries.first)
        #expect(first.text["body"]?.hasPrefix("Today: ") == true && first.text["url"] == "/today")
        #expect(first.ttl == "14400")
        // The JWT's audience is the push service's origin.
        let token = try #require(first.authorization.split(separator: " ").dropFirst().first.map { String($0.dropFirst(2).dropLast()) })
        let claims = try #require(Base64URL.decode(String(token.split(separator: ".")[1])))
        #expect(String(decoding: claims, as: UTF8.self).contains(#""aud":"http://127.0.0.1:\#(port)""#))

        // The next day the push service says the subscription is gone: it is removed, and nothing more is tried.
        pushService.state.withLock { $0.answers = [.gone] }
        let next = try #require(try await store.reminder(for: user.id)?.nextDue)
        clock.withLock { $0 = next }
        try await services.reminderScheduler.tick(now: next)
        #expect(pushService.deliveries.count == 2)
        #expect(try await store.pushSubscriptions(for: user.id).isEmpty)
        let metrics = AppMetrics.text()
        for name in [
            "backcoach_reminders_due_total", "backcoach_reminders_sent_total", "backcoach_reminders_failed_total",
            "backcoach_push_subscriptions_removed_total",
        ] {
            #expect(metrics.contains(name), "\(name) on /metrics")
        }
        await transport.shutdown()
        await group.triggerGracefulShutdown()
    }
}
