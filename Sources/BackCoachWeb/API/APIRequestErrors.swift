import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// Turns what the generated router throws while reading a request into a problem a person understands. The
/// handler's own errors (service refusals, problems) come out unchanged, to be shown as they are.
enum APIRequestErrors {
    /// The error to show for a failed API call: the handler's own error, or a problem made from the router's.
    static func unwrap(_ error: ServerError, sharedParserMessage: () -> String? = { nil }) -> any Error {
        let underlying = error.underlyingError
        if let decoding = underlying as? DecodingError {
            if let message = sharedParserMessage() { return Problem.badRequest(message) }
            // The body's errors carry the field's path; the address's don't, so the query is asked which it was.
            if case .typeMismatch(let type, let context) = decoding, context.codingPath.isEmpty,
                error.request.method == .get
            {
                return Problem.badRequest("\(queryName(error.request) ?? "A value in the address") must be \(describe(type)).")
            }
            return Problem.badRequest(message(for: decoding))
        }
        if underlying is Problem || underlying is HTTPResponseError || !(underlying is HTTPResponseConvertible) {
            return underlying
        }
        switch error.httpStatus {
        case .unsupportedMediaType:
            return Problem(.unsupportedMediaType, "Send the body as JSON in UTF-8, with Content-Type: application/json.")
        case .notAcceptable:
            return Problem(.notAcceptable, "This address answers only in the content type its description gives (see /openapi.yaml).")
        case .badRequest:
            if let name = error.causeDescription.split(separator: "named: ").last, error.causeDescription.contains("Missing required") {
                return Problem.badRequest("\(name) is required in the address (see /openapi.yaml).")
            }
            return Problem.badRequest(error.causeDescription.contains("body") ? "The request needs a JSON body." : readable(error))
        default:
            return Problem(error.httpStatus, error.httpStatus.reasonPhrase)
        }
    }

    /// A query or path value the router could not read ("days=abc"), in the router's own words.
    private static func readable(_ error: ServerError) -> String {
        "A value in the address is not in the form this request needs (\(error.causeDescription.prefix(120)))"
    }

    /// The one query parameter a request sent, to name it in the message; nil when there are several.
    private static func queryName(_ request: HTTPRequest) -> String? {
        guard let query = request.path?.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        let names = Set(query.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "" })
        return names.count == 1 ? names.first.map { String($0.prefix(40)) } : nil
    }

    /// `psfs[0].score must be a whole number`, `pain is required`, `unknown field "x"`.
    static func message(for error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            let path = path(context.codingPath)
            return path.isEmpty ? "The request body must be a JSON object." : "\(path) must be \(describe(type))."
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)) must not be null."
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required."
        case .dataCorrupted(let context):
            let path = path(context.codingPath)
            if path.isEmpty { return "The request needs a JSON body." }
            if context.debugDescription.hasPrefix("Additional properties are disabled") {
                let field = context.codingPath.last?.stringValue ?? path
                let parent = self.path(context.codingPath.dropLast())
                return
                    "unknown field \"\(field.prefix(40))\"\(parent.isEmpty ? "" : " in \(parent)"); see /openapi.yaml for the fields this request takes."
            }
            // Foundation says "Cannot initialize X from invalid String value Y"; Y is what she sent.
            let sent = context.debugDescription.components(separatedBy: "invalid String value ").dropFirst().first
            let shown = sent.map { " (\"\($0.prefix(40))\")" } ?? ""
            return "\(path)\(shown) is not one of the values this field takes (see /openapi.yaml)."
        @unknown default:
            return "The request body does not match what this request takes (see /openapi.yaml)."
        }
    }

    /// `exercises[2].painDuring`, the way a person would point at the field.
    static func path(_ codingPath: some Collection<any CodingKey>) -> String {
        codingPath.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object with the fields /openapi.yaml gives"
        }
    }
}
