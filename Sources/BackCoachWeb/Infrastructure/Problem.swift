import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

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
        let data = try JSONEncoder().encode(body)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error into a problem response: known ones keep their status and message,
/// anything else becomes a 500 with no internals shown (the details go to the log).
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            let detail = error.body ?? Self.defaultDetail(error.status)
            return try Problem(error.status, detail, headers: error.headers).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try Problem(.contentTooLarge, "The request body is larger than 64 KB.").response(from: request, context: context)
        } catch let error as HTTPResponseError {
            return try Problem(error.status, Self.defaultDetail(error.status)).response(from: request, context: context)
        } catch {
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return try Problem(.internalServerError, "Something went wrong on our side. Your data was not changed; please try again.")
                .response(from: request, context: context)
        }
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
