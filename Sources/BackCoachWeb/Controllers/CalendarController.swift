import BackCoachCore
import BackCoachStorage
import Foundation
import Hummingbird
import NIOCore

/// The private calendar feed of planned sessions. The secret in its URL is the only credential,
/// so it can be rotated at any time.
struct CalendarController {
    let dependencies: WebDependencies
    /// How far ahead the feed lists sessions.
    static let weeksAhead = 8

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/calendar/:feed", use: feed)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/calendar", use: link)
        group.post("/calendar/rotate", use: rotate)
    }

    struct FeedLink: Encodable {
        let url: String
        let detail: String
    }

    func link(for secret: String) -> FeedLink {
        FeedLink(
            url: "\(dependencies.publicBaseURL)/calendar/\(secret).ics",
            detail: "Add this address to your calendar app as a subscription. Keep it private: anyone with it can see your session days.")
    }

    @Sendable func link(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<FeedLink> {
        JSONResponse(link(for: try context.requireUser().calendarSecret))
    }

    @Sendable func rotate(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<FeedLink> {
        let user = try context.requireUser()
        let secret = Secrets.random()
        try await dependencies.store.setCalendarSecret(secret, for: user.id)
        return JSONResponse(link(for: secret), status: .created)
    }

    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let name = context.parameters.get("feed") ?? ""
        guard name.hasSuffix(".ics"), let user = try await dependencies.store.user(calendarSecret: String(name.dropLast(4))) else {
            throw Problem.notFound("There is no calendar at this address. It may have been replaced; copy the new link from BackCoach.")
        }
        let calendar = ICalendar(events: try await events(for: user), stamp: dependencies.now())
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=900"],
            body: .init(byteBuffer: ByteBuffer(string: calendar.render())))
    }

    func events(for user: User) async throws -> [ICalendar.Event] {
        let service = ProgramService(dependencies: dependencies)
        guard let current = try await service.currentIfAnswered(for: user), let program = current.activeProgram else {
            return []
        }
        let today = dependencies.today
        guard let schedule = service.schedule(current) else { return [] }
        return schedule.sessionDays(from: today, to: today.adding(days: 7 * Self.weeksAhead - 1)).compactMap { day in
            guard let session = program.sessions.first(where: { $0.number == day.session }) else { return nil }
            let minutes = max(5, session.estimatedMinutes)  // calendars show very short events poorly
            return ICalendar.Event(
                uid: "\(day.date)-\(Secrets.hash(user.id.description).prefix(16))@backcoach",
                date: day.date, minutes: minutes, summary: "BackCoach: \(minutes)-minute back session",
                description: "Session \(day.session): " + session.exercises.map(\.title).joined(separator: ", ")
                    + ". Do the quick safety check first. Education, not medical advice.")
        }
    }
}
