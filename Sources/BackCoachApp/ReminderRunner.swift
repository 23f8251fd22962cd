import BackCoachServices
import ServiceLifecycle

/// Runs the reminder scheduler for as long as the server runs; on graceful shutdown it stops between passes and
/// closes the outbound HTTP client.
struct ReminderRunner: Service {
    let scheduler: ReminderScheduler
    let client: HTTPPushTransport

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await scheduler.run()
        }
        await client.shutdown()
    }
}

/// Service lifecycle names each service with `"\(service)"`; left to reflection, that printed the scheduler's whole
/// context (content library included) and was half of the server's start-up time (perf: 48%, ~200 ms).
extension ReminderRunner: CustomStringConvertible {
    var description: String { "ReminderRunner" }
}
