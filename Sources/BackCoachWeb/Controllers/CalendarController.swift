import BackCoachServices
import Foundation
import Hummingbird
import NIOCore

/// The private calendar feed of planned sessions, and its link.
struct CalendarController {
    let calendar: CalendarService

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/calendar/:feed", use: feed)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/calendar", use: link)
        group.post("/calendar/rotate", use: rotate)
    }

    @Sendable func link(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CalendarService.FeedLink> {
        JSONResponse(calendar.link(for: try context.requireUser()))
    }

    @Sendable func rotate(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CalendarService.FeedLink> {
        JSONResponse(try await calendar.rotate(for: try context.requireUser()), status: .created)
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let name = context.parameters.get("feed") ?? ""
        guard name.hasSuffix(".ics") else {
            throw Problem.notFound("There is no calendar at this address. It may have been replaced; copy the new link from BackCoach.")
        }
        let text = try await calendar.feed(secret: String(name.dropLast(4)))
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=900"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
