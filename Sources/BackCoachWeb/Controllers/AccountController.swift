import BackCoachCore
import BackCoachStorage
import Foundation
import Hummingbird

/// Sign-up, API tokens and erasing an account.
struct AccountController {
    let dependencies: WebDependencies
    var accounts: any AccountStore { dependencies.store }

    static let minimumPasswordLength = 10

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

    @Sendable func createAccount(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedAccount> {
        var request = request
        let credentials = try await Self.credentials(&request, context: context, checkStrength: true)
        let user = User(
            id: UserID(), email: credentials.email, passwordHash: try await dependencies.passwords.hash(credentials.password),
            createdAt: dependencies.now(), calendarSecret: Secrets.random())
        do {
            try await accounts.createUser(user)
        } catch StorageError.emailTaken {
            throw Problem(.conflict, "An account with this e-mail already exists. Sign in instead.")
        }
        let token = try await issueToken(for: user.id)
        return JSONResponse(CreatedAccount(id: user.id.description, token: token), status: .created)
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedToken> {
        var request = request
        let credentials = try await Self.credentials(&request, context: context, checkStrength: false)
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        let now = dependencies.now()
        try await dependencies.throttle.check(email: credentials.email, address: address, now: now)
        let user = try await accounts.user(email: credentials.email)
        let valid: Bool
        if let user {
            valid = try await dependencies.passwords.verify(credentials.password, hash: user.passwordHash)
        } else {
            try await dependencies.passwords.burnTime(credentials.password)
            valid = false
        }
        guard valid, let user else {
            try await dependencies.throttle.recordFailure(email: credentials.email, address: address, now: now)
            // The same answer for an unknown e-mail and a wrong password.
            throw Problem(.unauthorized, "That e-mail and password don't match an account.")
        }
        try await dependencies.throttle.recordSuccess(email: credentials.email)
        return JSONResponse(CreatedToken(token: try await issueToken(for: user.id)), status: .created)
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

    private func issueToken(for user: UserID) async throws -> String {
        let token = Secrets.random()
        try await accounts.addToken(hash: Secrets.hash(token), for: user, now: dependencies.now())
        return token
    }

    static func credentials(_ request: inout Request, context: AppRequestContext, checkStrength: Bool) async throws -> Credentials {
        let reader = try await request.jsonObject(context: context, allowed: ["email", "password"])
        let email = try validated { () throws(InputError) in try reader.string("email", maxLength: 254) }
        let password = try validated { () throws(InputError) in try reader.string("password", maxLength: 200) }
        guard let email = email?.trimmingCharacters(in: .whitespaces).lowercased(), !email.isEmpty else {
            throw Problem.badRequest("email is required.")
        }
        guard email.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil else {
            throw Problem.badRequest("email must look like name@example.com.")
        }
        guard let password, !password.isEmpty else { throw Problem.badRequest("password is required.") }
        if checkStrength && password.count < minimumPasswordLength {
            throw Problem.badRequest("password must be at least \(minimumPasswordLength) characters.")
        }
        return Credentials(email: email, password: password)
    }
}
