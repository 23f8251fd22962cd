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
