import BackCoachCore
import Foundation

/// Core and service values leave through the wire types generated from openapi.yaml. Large documents (a program,
/// a day, an exercise) cross by value: encoded as Core writes them, decoded as the document describes them. A Core
/// field the document does not name is dropped, and a renamed required one fails here instead of changing the
/// API silently; `WireBridgeTests` checks that no field of the shipped content and sample plans is lost.
enum Wire {
    static func convert<Value: Encodable, WireType: Decodable>(_ value: Value, to type: WireType.Type = WireType.self) throws
        -> WireType
    {
        try decoder.decode(WireType.self, from: encoder.encode(value))
    }

    /// A decoded request body as the shared parsers read it (the intake and session feedback rules are Core's, used
    /// by the pages and the CLI too). Fields left out, or sent as null, are absent.
    static func json(_ value: some Encodable) throws -> JSONValue {
        try JSONValue.parse(encoder.encode(value))
    }

    /// Dates leave as RFC 3339 date-times, as the generated router writes them.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
