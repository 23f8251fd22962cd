import BackCoachServices
import BackCoachStorage
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import OpenAPIRuntime

/// An error response as `application/problem+json` (RFC 9457), with a `detail` a person understands.
public struct Problem: Error, HTTPResponseError, Equatable {
    public let status: HTTPResponse.Status
    public let detail: String
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.detail = detail
        self.headers = headers
    }

    public static let unauthorized = Problem(
        .unauthorized, "Sign in first: send your API token as 'Authorization: Bearer TOKEN'.",
        headers: [.wwwAuthenticate: "Bearer"])

    public static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, detail) }

    /// A service's refusal, with the status its kind means on the wire.
    public init(_ error: ServiceError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .invalid: .badRequest
            case .notFound: .notFound
            case .conflict: .conflict
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .tooManyRequests: .tooManyRequests
            }
        var headers: HTTPFields = [:]
        if let wait = error.retryAfterSeconds { headers[.retryAfter] = String(wait) }
        self.init(status, error.message, headers: headers)
    }
    public static func notFound(_ detail: String) -> Problem { Problem(.notFound, detail) }

    struct Body: Encodable {
        let type: String
        let title: String
        let status: Int
        let detail: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(type: "about:blank", title: status.reasonPhrase, status: status.code, detail: detail)
        var fields = headers
        fields[.contentType] = "application/problem+json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error into a problem response: known ones keep their status and message,
/// anything else becomes a 500 with no internals shown (the details go to the log).
/// Browser pages get a friendly HTML page instead of JSON.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let renderer: WebRenderer?
    let routes: RouteTable?

    public init(renderer: WebRenderer? = nil, routes: RouteTable? = nil) {
        self.renderer = renderer
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var problem: Problem
        do {
            return try await next(request, context)
        } catch let redirect as Redirect {
            return try redirect.response(from: request, context: context)
        } catch {
            problem = Self.problem(for: error, context: context)
        }
        if problem.status == .notFound, let allowed = routes?.allowedMethods(for: request.uri.path),
            !allowed.contains(request.method.rawValue)
        {
            problem = Problem(
                .methodNotAllowed, "This address does not accept \(request.method.rawValue).",
                headers: [.allow: allowed.sorted().joined(separator: ", ")])
        }
        if let renderer, Self.isPage(request.uri.path) {
            return try renderer.errorPage(problem, context: context)
        }
        return try problem.response(from: request, context: context)
    }

    /// Known errors keep their status and message; anything else is a 500 with no internals shown.
    static func problem(for error: any Error, context: Context) -> Problem {
        switch error {
        case let error as Problem: return error
        case let error as ServiceError: return Problem(error)
        // The account was erased while this request was on its way.
        case StorageError.userNotFound: return Problem(.notFound, "This account no longer exists.")
        case let error as HTTPError: return Problem(error.status, error.body ?? defaultDetail(error.status), headers: error.headers)
        case let error as HTTPParserError:
            // A request that isn't HTTP (a bad chunk size), or a client that hung up mid-body: nobody's fault here.
            context.logger.notice("Unreadable request", metadata: ["error": "\(error)"])
            return Problem(.badRequest, "The request could not be read.")
        case is NIOTooManyBytesError: return Problem(.contentTooLarge, "The request body is larger than 64 KB.")
        // The generated API router wraps what it throws; the handler's own error is inside.
        case let error as ServerError: return problem(for: APIRequestErrors.unwrap(error), context: context)
        case let error as HTTPResponseError: return Problem(error.status, defaultDetail(error.status))
        default:
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(.internalServerError, "Something went wrong on our side. Your data was not changed; please try again.")
        }
    }

    /// Browser pages, as opposed to the API, feeds and machine endpoints.
    static func isPage(_ path: String) -> Bool {
        !["/api/", "/calendar/", "/fhir/", "/assets/", "/healthz", "/metrics", "/openapi.yaml"].contains { path.hasPrefix($0) }
    }

    static func defaultDetail(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "There is nothing at this address."
        case .methodNotAllowed: "This address does not accept that method."
        case .contentTooLarge: "The request body is larger than 64 KB."
        default: status.reasonPhrase
        }
    }
}
