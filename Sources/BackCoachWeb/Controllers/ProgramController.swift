import BackCoachCore
import BackCoachStorage
import Foundation
import Hummingbird

/// Intake, program, today's session, the before-session safety check and session feedback.
struct ProgramController {
    let dependencies: WebDependencies
    var service: ProgramService { ProgramService(dependencies: dependencies) }
    var store: any BackCoachStore { dependencies.store }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.put("/intake", use: putIntake)
        group.get("/program", use: getProgram)
        group.get("/today", use: getToday)
        group.post("/screens", use: postScreen)
        group.post("/sessions", use: postSession)
    }

    struct ProgramResponse: Encodable {
        let triage: TriageResult
        let program: Program?
        /// True while a safety check has paused the program.
        let paused: Bool

        enum CodingKeys: String, CodingKey { case triage, program, paused }

        // `program` is written as null when withheld, never left out.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(triage, forKey: .triage)
            try container.encode(program, forKey: .program)
            try container.encode(paused, forKey: .paused)
        }
    }

    @Sendable func putIntake(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ProgramResponse> {
        let user = try context.requireUser()
        var request = request
        let json = try await request.jsonBody(context: context)
        let answers = try validated { () throws(InputError) in try IntakeParser.parse(json) }
        let current = try await service.saveIntake(answers, for: user)
        return JSONResponse(
            ProgramResponse(triage: current.assessment.triage, program: current.assessment.program, paused: current.record?.paused ?? false)
        )
    }

    @Sendable func getProgram(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ProgramResponse> {
        let current = try await service.current(for: try context.requireUser())
        return JSONResponse(
            ProgramResponse(triage: current.assessment.triage, program: current.assessment.program, paused: current.record?.paused ?? false)
        )
    }

    @Sendable func getToday(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<ProgramService.Day> {
        let user = try context.requireUser()
        let date =
            try DateRules.parse(
                request.uri.queryParameters["date"].map(String.init), field: "date", today: dependencies.today, inWindow: false)
            ?? dependencies.today
        return JSONResponse(try await service.day(date, for: user, current: try await service.current(for: user)))
    }

    @Sendable func postScreen(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<TriageResult> {
        let user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["date", "redFlags"])
        let dateText = try validated { () throws(InputError) in try reader.string("date", maxLength: 10) }
        guard let date = try DateRules.parse(dateText, field: "date", today: dependencies.today) else {
            throw Problem.badRequest("date is required: the day of the session, like 2026-11-25.")
        }
        guard reader.fields["redFlags"] != nil else {
            throw Problem.badRequest("redFlags is required: the ids answered yes or not sure, or [] when none.")
        }
        let flags: Set<RedFlagID> = try validated { () throws(InputError) in try reader.optionSet("redFlags") }
        let result = try await service.screen(flags, on: date, for: user)
        return JSONResponse(result, status: .created)
    }

    struct SessionResult: Encodable {
        let date: LocalDate
        let decisions: [ProgressionDecision]
        let phaseChange: String?
        let phase: PhaseDecision
    }

    @Sendable func postSession(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<SessionResult> {
        let user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["date", "exercises"])
        let dateText = try validated { () throws(InputError) in try reader.string("date", maxLength: 10) }
        guard let date = try DateRules.parse(dateText, field: "date", today: dependencies.today, allowFuture: false) else {
            throw Problem.badRequest("date is required: the day you did the session, like 2026-11-25.")
        }
        let catalogue = dependencies.content.catalogue
        let feedback = try validated { () throws(InputError) in try FeedbackParser.parse(reader.fields["exercises"], catalogue: catalogue) }
        let review = try await service.logSession(feedback, on: date, for: user)
        return JSONResponse(
            SessionResult(
                date: date, decisions: review.decisions, phaseChange: review.phaseChange,
                phase: PhaseDecision(phase: review.state.phase, reasons: [])),
            status: .created)
    }
}

/// Short tips for rest days, rotating by date.
enum RestDayTips {
    static let tips = [
        "Rest day. After a feed, sit tall for a few slow breaths and let your shoulders drop.",
        "Rest day. Squeeze your pelvic floor before you cough, sneeze or lift your baby.",
        "Rest day. Bend your knees and keep your baby close when you lift.",
        "Rest day. Let your buttocks go soft while you stand and rock your baby.",
        "Rest day. A short, easy walk is a good way to keep moving.",
        "Rest day. Lie on your side with a pillow between your knees for a few minutes of rest.",
    ]

    static func tip(for date: LocalDate) -> String {
        tips[abs(LocalDate("2000-01-01")!.days(until: date)) % tips.count]
    }
}
