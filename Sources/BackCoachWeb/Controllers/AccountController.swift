import BackCoachCore
import BackCoachStorage
import Foundation
import Hummingbird

/// Sign-up, API tokens and erasing an account.
struct AccountController {
    let dependencies: WebDependencies
    var accounts: any AccountStore { dependencies.store }

    func addPublicRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.post("/api/v1/accounts", use: createAccount)
        router.post("/api/v1/tokens", use: createToken)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.delete("", use: deleteAccount)
        group.delete("/token", use: revokeToken)
    }

    struct Credentials {
        let email: String
        let password: String
    }

    struct CreatedAccount: Encodable {
        let id: String
        let token: String
    }

    struct CreatedToken: Encodable {
        let token: String
    }

    var service: AccountService { AccountService(dependencies: dependencies) }

    @Sendable func createAccount(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedAccount> {
        var request = request
        let credentials = try await Self.credentials(&request, context: context, checkStrength: true)
        let user = try await service.signUp(email: credentials.email, password: credentials.password)
        let token = try await service.issueToken(for: user.id)
        return JSONResponse(CreatedAccount(id: user.id.description, token: token), status: .created)
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedToken> {
        var request = request
        let credentials = try await Self.credentials(&request, context: context, checkStrength: false)
        let user = try await service.signIn(
            email: credentials.email, password: credentials.password, address: context.remoteAddress?.ipAddress ?? "unknown")
        return JSONResponse(CreatedToken(token: try await service.issueToken(for: user.id)), status: .created)
    }

    struct Erased: Encodable {
        let erased: ErasureReport
        let detail: String
    }

    @Sendable func deleteAccount(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<Erased> {
        let user = try context.requireUser()
        let report = try await accounts.deleteUser(user.id)
        return JSONResponse(
            Erased(
                erased: report,
                detail: "Your account and everything in it are erased: answers, program, safety checks, sessions, check-ins and tokens."))
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireUser()
        if let token = TokenAuthenticator.bearerToken(request) { _ = try await accounts.revokeToken(hash: Secrets.hash(token)) }
        return Response(status: .noContent)
    }

    static func credentials(_ request: inout Request, context: AppRequestContext, checkStrength: Bool) async throws -> Credentials {
        let reader = try await request.jsonObject(context: context, allowed: ["email", "password"])
        let email = try validated { () throws(InputError) in try reader.string("email", maxLength: 254) }
        let password = try validated { () throws(InputError) in try reader.string("password", maxLength: 200) }
        let checked = try AccountService.validate(email: email, password: password, checkStrength: checkStrength)
        return Credentials(email: checked.email, password: checked.password)
    }
}
