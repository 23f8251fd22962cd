import BackCoachCore
import BackCoachStorage
import Logging

/// What an API handler may know of the HTTP request behind it. The generated router hands handlers only the typed
/// input, so `APICallMiddleware` puts the rest here for the length of the call.
struct APICall: Sendable {
    @TaskLocal static var current: APICall?

    /// The bearer token's user; set on every `/api/v1/me` call (the middleware answers 401 before a handler runs).
    let user: User?
    /// The bearer token itself, so revoking can name it.
    let bearerToken: String?
    /// The peer's address, for the sign-up and sign-in throttles.
    let clientAddress: String
    /// `Accept-Language`, for the numbers on a search help card when no country is given.
    let acceptLanguage: String?
    /// The request body as sent, already checked to be strict JSON: the one place a handler can tell an explicit
    /// `null` from a field left out.
    let body: JSONValue?
    let logger: Logger

    static func requireUser() throws -> User {
        guard let user = current?.user else { throw Problem.unauthorized }
        return user
    }

    /// True when the body sent `key` as an explicit `null` (the decoded body reads it as left out).
    static func sentNull(_ key: String) -> Bool {
        guard case .object(let fields) = current?.body else { return false }
        return fields[key] == .null
    }

    static var clientAddress: String { current?.clientAddress ?? "unknown" }

    static var logger: Logger { current?.logger ?? Logger(label: "backcoach.api") }
}
