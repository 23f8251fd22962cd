import BackCoachAPI
import BackCoachCore
import BackCoachServices
import BackCoachStorage

/// Daily check-ins (pain, PSFS, note) and the progress summary. Counts and limits are the check-in service's.
extension APIHandler {
    func saveCheckin(_ input: Operations.SaveCheckin.Input) async throws -> Operations.SaveCheckin.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try APICall.requireUser()
        guard let date = try day(input.path.date, field: "the date in the address", for: user) else {
            throw Problem.notFound("There is nothing at this address.")
        }
        let psfs = body.psfs?.map { PSFSRating(activity: $0.activity, score: $0.score) }
        let saved = try await services.checkins.save(
            .init(date: date, pain: body.pain, psfs: psfs, note: body.note, writtenAt: body.writtenAt), for: user)
        let checkin = try Wire.convert(saved.checkin, to: Components.Schemas.Checkin.self)
        return saved.created ? .created(.init(body: .json(checkin))) : .ok(.init(body: .json(checkin)))
    }

    /// `?from=&to=`: the last 30 days unless asked otherwise.
    func listCheckins(_ input: Operations.ListCheckins.Input) async throws -> Operations.ListCheckins.Output {
        let user = try APICall.requireUser()
        let today = services.today.today(for: user)
        let to = try day(input.query.to, field: "to", for: user) ?? today
        let from = try day(input.query.from, field: "from", for: user) ?? to.adding(days: -29)
        let checkins = try await services.checkins.checkins(from: from, to: to, for: user)
        return .ok(.init(body: .json(.init(from: from.description, to: to.description, checkins: try Wire.convert(checkins)))))
    }

    func getProgress(_ input: Operations.GetProgress.Input) async throws -> Operations.GetProgress.Output {
        let report = try await services.progress.report(days: input.query.days ?? 30, for: try APICall.requireUser())
        return .ok(.init(body: .json(try Wire.progress(report))))
    }
}
