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
        /// When the next one is due (nil while off); a planned day's reminder may still stay quiet (`ReminderScheduler`).
        public let nextDue: Date?

        public init(settings: ReminderSettings, devices: Int, applicationServerKey: String, nextDue: Date? = nil) {
            self.settings = settings
            self.devices = devices
            self.applicationServerKey = applicationServerKey
            self.nextDue = nextDue
        }
    }

    public func view(for user: User) async throws -> View {
        let stored = try await context.store.reminder(for: user.id)
        return View(
            settings: stored?.settings ?? .standard, devices: try await context.store.pushSubscriptions(for: user.id).count,
            applicationServerKey: try await sender.keyring.publicKey(), nextDue: stored?.nextDue)
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

    /// Her settings as a form or a request gives them: times as "HH:MM", an empty or missing quiet-hours end as none.
    public func save(
        enabled: Bool, days: [Int], time: String, quietFrom: String?, quietUntil: String?, for user: User
    ) async throws -> View {
        func minute(_ text: String?, field: String) throws -> Int? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let minute = ReminderSettings.minute(text) else {
                throw ServiceError.invalid("Give the time as hours and minutes, for example 08:30 (got \(text)).", field: field)
            }
            return minute
        }
        guard let at = try minute(time, field: "time") else {
            throw ServiceError.invalid("Choose a time for your reminder.", field: "time")
        }
        let settings = ReminderSettings(
            enabled: enabled, days: Set(days), time: at, quietFrom: try minute(quietFrom, field: "quietFrom"),
            quietUntil: try minute(quietUntil, field: "quietUntil"))
        return try await save(settings, for: user)
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
            throw ServiceError.conflict("No phone or computer is set up for reminders yet. Turn them on for this one first.")
        }
        return await ReminderDelivery(context: context, sender: sender).deliver(.test, to: subscriptions, timeToLive: 60)
    }

    /// A push endpoint is an https URL at a push service's name (RFC 8030 §8). The server posts to it, so an address
    /// by number or `localhost` is refused: a subscription must not aim the server at machines inside its own
    /// network. Loopback, over http too, only when the operator allows it (tests, a local push service).
    func checkEndpoint(_ text: String) throws {
        guard text.count <= 2048, let url = URL(string: text), let host = url.host?.lowercased(), !host.isEmpty else {
            throw ServiceError.invalid("The subscription's endpoint is not a URL.", field: "endpoint")
        }
        let loopback = ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        let byNumber = host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":") || host.hasPrefix("[")
        let scheme = url.scheme?.lowercased()
        if scheme == "https" && !byNumber && host != "localhost" { return }
        if (scheme == "https" || scheme == "http") && allowLoopbackEndpoints && loopback { return }
        throw ServiceError.invalid("A push endpoint must be an https address of a push service.", field: "endpoint")
    }

    /// Works out her next reminder again from her settings, as after a move to another time zone: "08:30" means
    /// 08:30 where she now lives.
    static func replan(for user: User, context: ServiceContext) async throws {
        guard let stored = try await context.store.reminder(for: user.id) else { return }
        let next = ReminderSchedule.nextDue(after: context.now(), settings: stored.settings, zone: user.zone ?? utc)
        try await context.store.saveReminder(stored.settings, nextDue: next, for: user.id)
    }

    static let utc = TimeZone(identifier: "UTC")!
}
