import BackCoachCore
import Foundation
import Hummingbird
import NIOCore

/// A JSON response with a chosen status; keys sorted so output is stable.
struct JSONResponse<Value: Encodable>: ResponseGenerator {
    let status: HTTPResponse.Status
    let value: Value
    var contentType = "application/json; charset=utf-8"

    init(_ value: Value, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") {
        self.value = value
        self.status = status
        self.contentType = contentType
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every timestamp leaves as RFC 3339 (dates are LocalDate strings already).
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Request {
    /// The body as JSON (at most 64 KB), for field-by-field validation with clear messages.
    mutating func jsonBody(context: AppRequestContext) async throws -> JSONValue {
        guard Self.isJSON(headers[.contentType]) else {
            throw Problem(.unsupportedMediaType, "Send the body as JSON in UTF-8, with Content-Type: application/json.")
        }
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw Problem.badRequest("The request needs a JSON body.") }
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

    /// The body as a JSON object, read by a `FieldReader` that rejects unknown fields.
    mutating func jsonObject(context: AppRequestContext, allowed: [String]) async throws -> FieldReader {
        guard case .object(let fields) = try await jsonBody(context: context) else {
            throw Problem.badRequest("The request body must be a JSON object.")
        }
        let reader = FieldReader(fields: fields)
        try validated { () throws(InputError) in try reader.rejectUnknownKeys(allowed: allowed) }
        return reader
    }
}

/// Runs validation that throws `InputError` and turns its message into a 400 problem.
func validated<T>(_ body: () throws(InputError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Problem.badRequest(error.message)
    }
}
