import BackCoachServices
import Hummingbird

/// Resolves `Authorization: Bearer TOKEN` to a user, or answers 401. Tokens are looked up by hash.
struct TokenAuthenticator: RouterMiddleware {
    let accounts: AccountService

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response)
        async throws -> Response
    {
        guard let token = Self.bearerToken(request), let user = try await accounts.user(forToken: token) else {
            throw Problem.unauthorized
        }
        var context = context
        context.user = user
        return try await next(request, context)
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
