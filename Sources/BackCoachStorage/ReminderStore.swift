import BackCoachCore
import Foundation

/// A browser's push subscription (the Push API's `PushSubscription`): where to send, and the keys to encrypt for.
public struct PushSubscription: Equatable, Sendable {
    public let endpoint: String
    /// The browser's P-256 public key and auth secret, base64url as the browser gives them.
    public let p256dh: String
    public let auth: String
    public let createdAt: Date

    public init(endpoint: String, p256dh: String, auth: String, createdAt: Date) {
        self.endpoint = endpoint
        self.p256dh = p256dh
        self.auth = auth
        self.createdAt = createdAt
    }
}

/// Her reminder settings, when the next one is due, and what has been said that must not be said twice.
public struct ReminderRecord: Equatable, Sendable {
    public let user: UserID
    public var settings: ReminderSettings
    /// The next moment a reminder is due; nil while reminders are off.
    public var nextDue: Date?
    /// The local day the missed-days message was sent: silence after it until she logs a session.
    public var nudgedOn: LocalDate?
    /// The local day the "read the advice" message was sent: once per pause, cleared when her plan runs again.
    public var advisedOn: LocalDate?

    public init(user: UserID, settings: ReminderSettings, nextDue: Date?, nudgedOn: LocalDate? = nil, advisedOn: LocalDate? = nil) {
        self.user = user
        self.settings = settings
        self.nextDue = nextDue
        self.nudgedOn = nudgedOn
        self.advisedOn = advisedOn
    }
}

/// Reminders and the push subscriptions they go to. Several app servers may share one database: each due reminder is
/// taken by exactly one of them (`claimReminder`), and the VAPID key pair is made once for all (`serverKey`).
public protocol ReminderStore: Sendable {
    func reminder(for user: UserID) async throws -> ReminderRecord?
    /// Stores her settings and next due moment, keeping the marks. Throws `StorageError.userNotFound`.
    func saveReminder(_ settings: ReminderSettings, nextDue: Date?, for user: UserID) async throws
    /// Reminders due at or before `now`, earliest first, at most `limit`.
    func dueReminders(at now: Date, limit: Int) async throws -> [ReminderRecord]
    /// Moves her reminder due at `due` on to `next`, only if it is still due at `due`: true for the one caller that
    /// moved it, which then sends; every other caller (another server, a retry) gets false and sends nothing.
    func claimReminder(for user: UserID, due: Date, next: Date?) async throws -> Bool
    /// Records what was said (`nudgedOn`, `advisedOn`).
    func markReminder(for user: UserID, nudgedOn: LocalDate?, advisedOn: LocalDate?) async throws

    /// Adds or refreshes a subscription; an endpoint belongs to one account (the last to subscribe on that browser).
    func savePushSubscription(_ subscription: PushSubscription, for user: UserID) async throws
    func pushSubscriptions(for user: UserID) async throws -> [PushSubscription]
    /// Removes her subscription; false when she had none at that endpoint.
    func removePushSubscription(endpoint: String, for user: UserID) async throws -> Bool
    /// Removes a subscription the push service says is gone (404 or 410), whoever it belonged to.
    func removePushSubscription(endpoint: String) async throws -> Bool

    /// The value stored under `name`, storing `proposed` first when there is none; two servers starting at once both
    /// get the one that was stored first.
    func serverKey(_ name: String, proposed: String) async throws -> String
}
