import BackCoachAPI
import BackCoachServices

/// GET/PUT /api/v1/me/schedule: her session weekdays and time.
extension APIHandler {
    func getSchedule(_ input: Operations.GetSchedule.Input) async throws -> Operations.GetSchedule.Output {
        .ok(.init(body: .json(Self.wire(try await services.program.schedule(for: try APICall.requireUser())))))
    }

    func updateSchedule(_ input: Operations.UpdateSchedule.Input) async throws -> Operations.UpdateSchedule.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let schedule = try await services.program.setSchedule(weekdays: body.weekdays, time: body.time, for: try APICall.requireUser())
        return .ok(.init(body: .json(Self.wire(schedule))))
    }

    static func wire(_ schedule: ProgramService.Schedule) -> Components.Schemas.Schedule {
        .init(weekdays: schedule.weekdays, time: schedule.time, sessionsPerWeek: schedule.sessionsPerWeek)
    }
}
