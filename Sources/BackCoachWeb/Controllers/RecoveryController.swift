import BackCoachCore
import BackCoachServices
import Foundation
import Hummingbird

/// A way back into an account through the API: recovery codes, and reset links by e-mail.
struct RecoveryController {
    let recovery: RecoveryService
    let accounts: AccountService
    let publicBaseURL: String

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post("/api/v1/recovery", use: recover)
        router.post("/api/v1/password-resets", use: sendLink)
        router.put("/api/v1/password-resets", use: reset)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("/recovery-codes", use: newCodes)
    }

    struct Codes: Encodable {
        let codes: [String]
        let detail: String
    }

    struct Sent: Encodable {
        let detail: String
    }

    @Sendable func newCodes(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Codes> {
        let codes = try await recovery.newCodes(for: try context.requireUser())
        return JSONResponse(
            Codes(codes: codes, detail: "Keep these somewhere safe: each works once, and they replace any earlier set."),
            status: .created)
    }

    @Sendable func recover(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<AccountController.CreatedToken> {
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["email", "code", "password"])
        let fields = try validated { () throws(InputError) in
            (
                try reader.string("email", maxLength: 1000), try reader.string("code", maxLength: 100),
                try reader.string("password", maxLength: 1000)
            )
        }
        let user = try await recovery.recover(
            email: fields.0, code: fields.1, newPassword: fields.2, address: context.remoteAddress?.ipAddress ?? "unknown")
        return JSONResponse(.init(token: try await accounts.issueToken(for: user.id)), status: .created)
    }

    @Sendable func sendLink(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Sent> {
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["email"])
        let email = try validated { () throws(InputError) in try reader.string("email", maxLength: 1000) }
        try await recovery.sendResetLink(
            email: email, address: context.remoteAddress?.ipAddress ?? "unknown", publicBaseURL: publicBaseURL, logger: context.logger)
        return JSONResponse(
            Sent(detail: "If that e-mail has an account, a reset link is on its way. It works once, for an hour."), status: .accepted)
    }

    @Sendable func reset(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<AccountController.CreatedToken> {
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["token", "password"])
        let fields = try validated { () throws(InputError) in
            (try reader.string("token", maxLength: 100), try reader.string("password", maxLength: 1000))
        }
        let user = try await recovery.reset(token: fields.0, newPassword: fields.1)
        return JSONResponse(.init(token: try await accounts.issueToken(for: user.id)))
    }
}
