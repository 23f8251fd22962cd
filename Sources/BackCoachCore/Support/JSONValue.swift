import Foundation

/// A JSON document as plain values, so input can be validated field by field
/// with messages a person understands (JSONDecoder's errors name coding paths, not fields).
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses UTF-8 JSON text. Throws `InputError` with a one-line reason.
    public static func parse(_ data: Data) throws(InputError) -> JSONValue {
        do throws(InputError) {
            try StrictJSON.validate(Array(data))
        } catch {
            throw InputError("the input is not valid JSON: \(error.message)")
        }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw InputError("the input is not valid JSON")
        }
    }

    /// A short description of the value's type, used in error messages.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
