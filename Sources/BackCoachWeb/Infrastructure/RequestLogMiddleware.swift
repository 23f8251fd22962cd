import Hummingbird
import Logging

/// One log line per request: method, the route's pattern, status and time. Never the concrete path or query: a
/// path can carry the calendar feed's secret, and a query her search words (health details), so neither is logged.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, started: started)
            return response
        } catch let error as HTTPResponseError {
            log(request, context, status: error.status.code, started: started)
            throw error
        } catch {
            log(request, context, status: 500, started: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        context.logger.info(
            "Request",
            metadata: [
                "hb.request.method": "\(request.method.rawValue)", "hb.request.route": "\(context.endpointPath ?? "unmatched")",
                "hb.response.status": "\(status)",
                "duration_ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
            ])
    }
}
