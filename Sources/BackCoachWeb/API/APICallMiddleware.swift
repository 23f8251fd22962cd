import BackCoachAPI
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OpenAPIRuntime

/// Runs before every generated API operation: reads a body of at most 64 KB, insists it is strict JSON in UTF-8,
/// signs in the bearer token on `/api/v1/me/...`, and hands all that to the handler as `APICall.current`.
struct APICallMiddleware: RouterMiddleware {
    let accounts: AccountService
    let catalogue: ExerciseCatalogue

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response)
        async throws -> Response
    {
        var request = request
        let body = try await Self.strictJSONBody(&request, context: context)
        var user: User?
        let token = Self.bearerToken(request)
        if Self.needsSignIn(request.uri.path) {
            guard let token, let signedIn = try await accounts.user(forToken: token) else { throw Problem.unauthorized }
            try Self.checkRole(signedIn, request)
            user = signedIn
        }
        let call = APICall(
            user: user, bearerToken: token, clientAddress: context.clientAddress,
            acceptLanguage: request.headers[.acceptLanguage], body: body, logger: context.logger)
        var response: Response
        do {
            response = try await APICall.$current.withValue(call) { try await next(request, context) }
        } catch let error as ServerError {
            throw APIRequestErrors.unwrap(error, sharedParserMessage: { sharedParserMessage(error.operationID, body: body) })
        }
        if let type = response.headers[.contentType], let full = Self.contentTypeParameters[type] { response.headers[.contentType] = full }
        // The runtime writes header values as URI components ("attachment%3B%20filename…"); HTTP wants them as text.
        for name in Self.textHeaders {
            if let value = response.headers[name], let text = value.removingPercentEncoding { response.headers[name] = text }
        }
        return response
    }

    /// The intake and a session's feedback are read by Core's parsers on every interface; when the generated decoder
    /// refuses such a body, the parser's own words (which name the allowed values) are the ones she sees, as on
    /// the pages and in the CLI.
    func sharedParserMessage(_ operationID: String, body: JSONValue?) -> String? {
        guard let body else { return nil }
        do throws(InputError) {
            switch operationID {
            case Operations.SaveIntake.id: _ = try IntakeParser.parse(body)
            case Operations.LogSession.id:
                guard case .object(let fields) = body else { return nil }
                _ = try FeedbackParser.parse(fields["exercises"], catalogue: catalogue)
            default: return nil
            }
        } catch {
            return error.message
        }
        return nil
    }

    /// Tokens are looked up by hash; a missing or empty one signs in nobody.
    /// Read in place, the scheme in any case: every API call asks, and lower-casing and Foundation's trimming of the
    /// whole header were 2% of a Today call.
    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let bytes = header.utf8
        let scheme = bytes.prefix(7)
        guard scheme.count == 7, scheme.elementsEqual("bearer ".utf8, by: { (0x41...0x5A).contains($0) ? $0 | 0x20 == $1 : $0 == $1 })
        else { return nil }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var token = bytes.dropFirst(7)
        while let first = token.first, isBlank(first) { token = token.dropFirst() }
        while let last = token.last, isBlank(last) { token = token.dropLast() }
        return token.isEmpty ? nil : String(Substring(token))
    }

    /// The response headers openapi.yaml declares as text.
    static let textHeaders: [HTTPField.Name] = [.contentDisposition, .cacheControl]

    /// The generated router writes a media type without parameters; text needs its charset said, a CSV its header
    /// row, and Prometheus its format version.
    static let contentTypeParameters: [String: String] = [
        "application/json": "application/json; charset=utf-8",
        "text/csv": ExportFile.csv.contentType,
        "text/calendar": "text/calendar; charset=utf-8",
        "text/plain": "text/plain; version=0.0.4; charset=utf-8",
        "application/yaml": "application/yaml; charset=utf-8",
    ]

    static func needsSignIn(_ path: String) -> Bool {
        path == "/api/v1/me" || path.hasPrefix("/api/v1/me/")
            || (path.hasPrefix("/api/v1/clinician/") && path != "/api/v1/clinician/accounts")
    }

    /// A mother's token never reaches a clinician's route, and a clinician's token reaches only the account-keeping
    /// `/api/v1/me` routes (sign out, password, e-mail, recovery codes, erasure): a clinician has no plan of their own.
    static func checkRole(_ user: User, _ request: Request) throws {
        let path = request.uri.path
        if path.hasPrefix("/api/v1/clinician/") {
            guard user.role == .clinician else {
                throw Problem(.forbidden, "This is for clinician accounts. Your own plan is under /api/v1/me.")
            }
        } else if user.role == .clinician {
            let route = "\(request.method.rawValue) \(path)"
            guard Self.clinicianAccountRoutes.contains(route) else {
                throw Problem(.forbidden, "This is a clinician account: it has no plan of its own. Use /api/v1/clinician.")
            }
        }
    }

    static let clinicianAccountRoutes: Set<String> = [
        "DELETE /api/v1/me", "DELETE /api/v1/me/token", "PUT /api/v1/me/password", "PUT /api/v1/me/email", "POST /api/v1/me/recovery-codes",
    ]

    /// The body of a POST or PUT, collected so the generated decoder reads it from memory; nil when there is none.
    static func strictJSONBody(_ request: inout Request, context: AppRequestContext) async throws -> JSONValue? {
        guard request.method == .post || request.method == .put else { return nil }
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return nil }
        guard Self.isJSON(request.headers[.contentType]) else {
            throw Problem(.unsupportedMediaType, "Send the body as JSON in UTF-8, with Content-Type: application/json.")
        }
        let bytes = Array(buffer: buffer)
        do {
            try StrictJSON.validate(bytes)
            return try JSONValue.parse(Data(bytes))
        } catch {
            throw Problem.badRequest("The request body is not valid JSON: \(error.message).")
        }
    }

    /// `application/json`, with no charset or `charset=utf-8`.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let parts = contentType.lowercased().split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first == "application/json" else { return false }
        return parts.dropFirst().allSatisfy { !$0.hasPrefix("charset=") || $0 == "charset=utf-8" || $0 == "charset=\"utf-8\"" }
    }
}
