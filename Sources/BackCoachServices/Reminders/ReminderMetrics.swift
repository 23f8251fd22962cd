import Metrics

/// What an operator watches for reminders, on /metrics. Looked up on each use (the factory keeps one per label), so a
/// counter touched before the metrics system starts still reaches /metrics afterwards.
enum ReminderMetrics {
    static var due: Counter { Counter(label: "backcoach_reminders_due_total") }
    static var sent: Counter { Counter(label: "backcoach_reminders_sent_total") }
    static var failed: Counter { Counter(label: "backcoach_reminders_failed_total") }
    static var subscriptionsRemoved: Counter { Counter(label: "backcoach_push_subscriptions_removed_total") }
}
