import BackCoachCore
import BackCoachStorage
import Logging

/// One message to each of her browsers: a subscription the push service calls gone is removed, and every outcome
/// is counted.
struct ReminderDelivery: Sendable {
    let context: ServiceContext
    let sender: WebPushSender
    static let logger = Logger(label: "backcoach.reminders")

    /// Returns how many browsers took it.
    func deliver(_ message: ReminderMessage, to subscriptions: [PushSubscription], timeToLive: Int) async -> Int {
        var delivered = 0
        for subscription in subscriptions {
            switch await sender.send(message, to: subscription, timeToLive: timeToLive) {
            case .delivered:
                delivered += 1
                ReminderMetrics.sent.increment()
            case .gone:
                ReminderMetrics.failed.increment()
                if (try? await context.store.removePushSubscription(endpoint: subscription.endpoint)) == true {
                    ReminderMetrics.subscriptionsRemoved.increment()
                }
            case .failed(let reason):
                ReminderMetrics.failed.increment()
                // The endpoint is a capability URL: log its host only.
                let host = URLHost.of(subscription.endpoint)
                Self.logger.warning("Push delivery failed", metadata: ["push.host": "\(host)", "reason": "\(reason)"])
            }
        }
        return delivered
    }
}

enum URLHost {
    static func of(_ text: String) -> String {
        guard let start = text.range(of: "://")?.upperBound else { return "?" }
        return String(text[start...].prefix { $0 != "/" && $0 != "?" })
    }
}
