import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// Sign-up, API tokens and erasing an account.
struct AccountController {
    let accounts: AccountService

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post("/api/v1/accounts", use: createAccount)
        router.post("/api/v1/tokens", use: createToken)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.delete("", use: deleteAccount)
        group.delete("/token", use: revokeToken)
        group.put("/password", use: changePassword)
        group.put("/email", use: changeEmail)
    }

    struct Email: Encodable {
        let email: String
    }

    @Sendable func changeEmail(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Email> {
        let user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["email", "password"])
        let email = try validated { () throws(InputError) in try reader.string("email", maxLength: 1000) }
        let password = try validated { () throws(InputError) in try reader.string("password", maxLength: 1000) }
        return JSONResponse(Email(email: try await accounts.changeEmail(to: email, password: password, for: user).email))
    }

    /// A new password ends every browser session and token; the answer carries a fresh token for the caller.
    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedToken> {
        let user = try context.requireUser()
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["current", "new"])
        let current = try validated { () throws(InputError) in try reader.string("current", maxLength: 1000) }
        let new = try validated { () throws(InputError) in try reader.string("new", maxLength: 1000) }
        try await accounts.changePassword(current: current, new: new, for: user)
        return JSONResponse(CreatedToken(token: try await accounts.issueToken(for: user.id)))
    }

    struct CreatedAccount: Encodable {
        let id: String
        let token: String
    }

    struct CreatedToken: Encodable {
        let token: String
    }

    @Sendable func createAccount(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedAccount> {
        var request = request
        let reader = try await request.jsonObject(context: context, allowed: ["email", "password", "country", "timeZone"])
        let fields = try validated { () throws(InputError) in
            (
                try reader.string("email", maxLength: 1000), try reader.string("password", maxLength: 1000),
                try reader.string("country", maxLength: 100), try reader.string("timeZone", maxLength: 100)
            )
        }
        let user = try await accounts.signUp(
            email: fields.0, password: fields.1, country: fields.2, timeZone: fields.3,
            address: context.remoteAddress?.ipAddress ?? "unknown")
        return JSONResponse(CreatedAccount(id: user.id.description, token: try await accounts.issueToken(for: user.id)), status: .created)
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedToken> {
        var request = request
        let (email, password) = try await Self.credentials(&request, context: context)
        let user = try await accounts.signIn(email: email, password: password, address: context.remoteAddress?.ipAddress ?? "unknown")
        return JSONResponse(CreatedToken(token: try await accounts.issueToken(for: user.id)), status: .created)
    }

    struct Erased: Encodable {
        let erased: ErasureReport
        let detail: String
    }

    @Sendable func deleteAccount(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Erased> {
        let report = try await accounts.deleteAccount(try context.requireUser().id)
        return JSONResponse(
            Erased(
                erased: report,
                detail: "Your account and everything in it are erased: answers, program, safety checks, sessions, check-ins and tokens."))
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireUser()
        if let token = TokenAuthenticator.bearerToken(request) { try await accounts.revokeToken(token) }
        return Response(status: .noContent)
    }

    /// The e-mail and password fields as sent; the service checks them.
    static func credentials(_ request: inout Request, context: AppRequestContext) async throws -> (String?, String?) {
        let reader = try await request.jsonObject(context: context, allowed: ["email", "password"])
        let email = try validated { () throws(InputError) in try reader.string("email", maxLength: 1000) }
        let password = try validated { () throws(InputError) in try reader.string("password", maxLength: 1000) }
        return (email, password)
    }
}
