import BackCoachAPI
import BackCoachServices
import Foundation

/// Sign-up, sign-in, tokens, e-mail and password changes, recovery and erasing an account.
extension APIHandler {
    func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try await services.accounts.signUp(
            email: body.email, password: body.password, country: body.country, timeZone: body.timeZone,
            address: APICall.clientAddress)
        let token = try await services.accounts.issueToken(for: user.id)
        return .created(.init(body: .json(.init(id: user.id.description, token: token))))
    }

    func createToken(_ input: Operations.CreateToken.Input) async throws -> Operations.CreateToken.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try await services.accounts.signIn(email: body.email, password: body.password, address: APICall.clientAddress)
        return .created(.init(body: .json(.init(token: try await services.accounts.issueToken(for: user.id)))))
    }

    func deleteAccount(_ input: Operations.DeleteAccount.Input) async throws -> Operations.DeleteAccount.Output {
        let report = try await services.accounts.deleteAccount(try APICall.requireUser().id)
        let detail = "Your account and everything in it are erased: answers, program, safety checks, sessions, check-ins and tokens."
        return .ok(.init(body: .json(.init(detail: detail, erased: try Wire.convert(report)))))
    }

    func revokeToken(_ input: Operations.RevokeToken.Input) async throws -> Operations.RevokeToken.Output {
        _ = try APICall.requireUser()
        if let token = APICall.current?.bearerToken { try await services.accounts.revokeToken(token) }
        return .noContent(.init())
    }

    func changeEmail(_ input: Operations.ChangeEmail.Input) async throws -> Operations.ChangeEmail.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try await services.accounts.changeEmail(to: body.email, password: body.password, for: try APICall.requireUser())
        return .ok(.init(body: .json(.init(email: user.email))))
    }

    /// A new password ends every browser session and token; the answer carries a fresh token for the caller.
    func changePassword(_ input: Operations.ChangePassword.Input) async throws -> Operations.ChangePassword.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try APICall.requireUser()
        try await services.accounts.changePassword(current: body.current, new: body.new, for: user)
        return .ok(.init(body: .json(.init(token: try await services.accounts.issueToken(for: user.id)))))
    }

    func createRecoveryCodes(_ input: Operations.CreateRecoveryCodes.Input) async throws -> Operations.CreateRecoveryCodes.Output {
        let codes = try await services.recovery.newCodes(for: try APICall.requireUser())
        let detail = "Keep these somewhere safe: each works once, and they replace any earlier set."
        return .created(.init(body: .json(.init(codes: codes, detail: detail))))
    }

    func recoverWithCode(_ input: Operations.RecoverWithCode.Input) async throws -> Operations.RecoverWithCode.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try await services.recovery.recover(
            email: body.email, code: body.code, newPassword: body.password, address: APICall.clientAddress)
        return .created(.init(body: .json(.init(token: try await services.accounts.issueToken(for: user.id)))))
    }

    func sendResetLink(_ input: Operations.SendResetLink.Input) async throws -> Operations.SendResetLink.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        try await services.recovery.sendResetLink(
            email: body.email, address: APICall.clientAddress, publicBaseURL: publicBaseURL, logger: APICall.logger)
        let detail = "If that e-mail has an account, a reset link is on its way. It works once, for an hour."
        return .accepted(.init(body: .json(.init(detail: detail))))
    }

    func resetPassword(_ input: Operations.ResetPassword.Input) async throws -> Operations.ResetPassword.Output {
        guard case .json(let body) = input.body else { throw Problem.badRequest("The request needs a JSON body.") }
        let user = try await services.recovery.reset(token: body.token, newPassword: body.password)
        return .ok(.init(body: .json(.init(token: try await services.accounts.issueToken(for: user.id)))))
    }
}
