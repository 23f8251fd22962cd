import BackCoachCore
import BackCoachStorage
import Foundation

/// Her reminder settings and the browsers they go to, for the settings page, the API and the CLI alike.
public struct ReminderService: Sendable {
    let context: ServiceContext
    let sender: WebPushSender
    /// Plain-http endpoints on 127.0.0.1 are accepted only when the operator says so (tests, a local push service).
    let allowLoopbackEndpoints: Bool

    /// What settings show: her choices, how many browsers will get them, and the key a browser subscribes with.
    public struct View: Sendable, Equatable {
        public let settings: ReminderSettings
        public let devices: Int
        public let applicationServerKey: String
    }

    public func view(for user: User) async throws -> View {
        let stored = try await context.store.reminder(for: user.id)
        return View(
            settings: stored?.settings ?? .standard, devices: try await context.store.pushSubscriptions(for: user.id).count,
            applicationServerKey: try await sender.keyring.publicKey())
    }

    /// Keeps her settings and works out her next reminder in her time zone.
    public func save(_ settings: ReminderSettings, for user: User) async throws -> View {
        if let problem = settings.problem { throw ServiceError.invalid(problem.message, field: problem.field) }
        let next = ReminderSchedule.nextDue(after: context.now(), settings: settings, zone: user.zone ?? Self.utc)
        do {
            try await context.store.saveReminder(settings, nextDue: next, for: user.id)
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
        return try await view(for: user)
    }

    /// Keeps a browser's subscription (`PushSubscription.toJSON()` in the page): where to send, and its keys.
    public func subscribe(endpoint: String, p256dh: String, auth: String, for user: User) async throws {
        try checkEndpoint(endpoint)
        guard let key = Base64URL.decode(p256dh), key.count == 65, key.first == 0x04 else {
            throw ServiceError.invalid("The browser's key (p256dh) is not a P-256 public key.", field: "keys.p256dh")
        }
        guard let secret = Base64URL.decode(auth), secret.count == 16 else {
            throw ServiceError.invalid("The browser's auth secret must be 16 bytes, base64url.", field: "keys.auth")
        }
        let subscription = PushSubscription(endpoint: endpoint, p256dh: p256dh, auth: auth, createdAt: context.now())
        do {
            try await context.store.savePushSubscription(subscription, for: user.id)
        } catch StorageError.userNotFound {
            throw ServiceError.notFound("This account no longer exists.")
        }
    }

    /// Stops reminders to one browser; false when it had none for her.
    public func unsubscribe(endpoint: String, for user: User) async throws -> Bool {
        try await context.store.removePushSubscription(endpoint: endpoint, for: user.id)
    }

    /// "Send a test reminder": one now to each of her browsers; returns how many took it.
    public func sendTest(for user: User) async throws -> Int {
        let subscriptions = try await context.store.pushSubscriptions(for: user.id)
        guard !subscriptions.isEmpty else {
            throw ServiceError.conflict("No browser gets your reminders yet. Turn on reminders on this device first.")
        }
        return await ReminderDelivery(context: context, sender: sender).deliver(.test, to: subscriptions, timeToLive: 60)
    }

    /// A push endpoint is an https URL (RFC 8030 §8); plain http only on loopback, and only when allowed.
    func checkEndpoint(_ text: String) throws {
        guard text.count <= 2048, let url = URL(string: text), let host = url.host, !host.isEmpty else {
            throw ServiceError.invalid("The subscription's endpoint is not a URL.", field: "endpoint")
        }
        switch url.scheme?.lowercased() {
        case "https": return
        case "http" where allowLoopbackEndpoints && (host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1"):
            return
        default: throw ServiceError.invalid("A push endpoint must be an https address.", field: "endpoint")
        }
    }

    static let utc = TimeZone(identifier: "UTC")!
}
