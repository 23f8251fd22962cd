import Metrics

/// What an operator watches for reminders, on /metrics.
enum ReminderMetrics {
    static let due = Counter(label: "backcoach_reminders_due_total")
    static let sent = Counter(label: "backcoach_reminders_sent_total")
    static let failed = Counter(label: "backcoach_reminders_failed_total")
    static let subscriptionsRemoved = Counter(label: "backcoach_push_subscriptions_removed_total")
}
