import BackCoachCore
import BackCoachStorage
import Foundation
import Logging

/// Sends one reminder to one browser: the text encrypted for that browser (RFC 8291), signed for the push service
/// (RFC 8292), posted with a time to live and an urgency (RFC 8030 §5.2, §5.3).
struct WebPushSender: Sendable {
    let transport: any PushTransport
    let keyring: VAPIDKeyring
    /// A contact for push services' operators (`mailto:` or `https:`), the VAPID `sub` claim.
    let contact: String
    let now: @Sendable () -> Date

    enum Outcome: Equatable, Sendable {
        case delivered
        /// 404 or 410: the browser unsubscribed or the subscription expired; remove it (RFC 8030 §7.3).
        case gone
        case failed(String)
    }

    /// What the service worker receives: the text and where a tap goes.
    struct Payload: Encodable {
        let title: String
        let body: String
        let url: String
    }

    func send(_ message: ReminderMessage, to subscription: PushSubscription, timeToLive: Int) async -> Outcome {
        do {
            guard let endpoint = URL(string: subscription.endpoint), let key = Base64URL.decode(subscription.p256dh),
                let auth = Base64URL.decode(subscription.auth)
            else { return .failed("the subscription's endpoint or keys do not read") }
            let payload = try JSONEncoder().encode(Payload(title: message.title, body: message.body, url: message.path))
            let body = try WebPushEncryption.encrypt(plaintext: payload, subscriberPublicKey: key, authSecret: auth)
            // A token lives 12 hours: well inside the 24 the RFC allows, so a slow clock never makes it too long.
            let authorization = try VAPID.authorization(
                endpoint: endpoint, subject: contact, privateKey: try await keyring.privateKey(),
                expiresAt: now().addingTimeInterval(12 * 3600), now: now())
            let status = try await transport.post(
                to: endpoint,
                headers: [
                    ("Authorization", authorization), ("Content-Encoding", "aes128gcm"), ("Content-Type", "application/octet-stream"),
                    ("TTL", String(timeToLive)), ("Urgency", "normal"),
                ], body: body)
            switch status {
            case 200..<300: return .delivered
            case 404, 410: return .gone
            default: return .failed("the push service answered \(status)")
            }
        } catch {
            return .failed(String(describing: error))
        }
    }
}
