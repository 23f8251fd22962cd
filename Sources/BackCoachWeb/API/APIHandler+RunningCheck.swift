import BackCoachAPI
import BackCoachServices

/// The return-to-running check: what she is asked, and the verdict for her answers.
extension APIHandler {
    func getRunningCheck(_ input: Operations.GetRunningCheck.Input) async throws -> Operations.GetRunningCheck.Output {
        let status = try await services.runningCheck.status(for: try APICall.requireUser())
        let check = status.check
        let body = Components.Schemas.RunningCheck(
            available: status.waiting == nil, waiting: try status.waiting.map { try Wire.convert($0) }, intro: check.intro,
            testAnswers: try Wire.convert(check.testAnswers), items: try Wire.convert(status.items))
        return .ok(.init(body: .json(body)))
    }

    func takeRunningCheck(_ input: Operations.TakeRunningCheck.Input) async throws -> Operations.TakeRunningCheck.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let verdict = try await services.runningCheck.assess(body.answers.additionalProperties, for: try APICall.requireUser())
        return .ok(.init(body: .json(try Wire.convert(verdict))))
    }
}
