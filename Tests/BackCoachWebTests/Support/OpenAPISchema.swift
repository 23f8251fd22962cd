import BackCoachCore
import BackCoachWeb
import Foundation
import HummingbirdTesting
import Testing
import Yams

/// Just enough JSON Schema to check responses against the OpenAPI document: $ref, type (incl. type lists),
/// required, properties, items, enum, oneOf.
struct OpenAPISchema: @unchecked Sendable {  // immutable after loading
    let document: [String: Any]

    static let shared: OpenAPISchema = {
        let text = OpenAPIDocument.text ?? ""
        return OpenAPISchema(document: ((try? Yams.load(yaml: text)) as? [String: Any]) ?? [:])
    }()

    var paths: [String: [String: Any]] { (document["paths"] as? [String: [String: Any]]) ?? [:] }

    /// Every (method, path) the document describes, e.g. ("GET", "/api/v1/me/checkins/{date}").
    var operations: Set<String> {
        Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
    }

    /// The response schema for an operation and status, with response $refs followed.
    func responseSchema(method: String, path: String, status: Int) -> [String: Any]? {
        guard let operation = paths[path]?[method.lowercased()] as? [String: Any],
            var response = (operation["responses"] as? [String: Any])?[String(status)] as? [String: Any]
        else { return nil }
        if let ref = response["$ref"] as? String { response = resolve(ref) }
        guard let content = response["content"] as? [String: Any], let media = content.values.first as? [String: Any] else { return [:] }
        return media["schema"] as? [String: Any]
    }

    func resolve(_ ref: String) -> [String: Any] {
        ref.dropFirst(2).split(separator: "/").reduce(document as Any) { ($0 as? [String: Any])?[String($1)] as Any } as? [String: Any]
            ?? [:]
    }

    /// Problems found, as paths into the value; empty when it matches.
    func problems(_ value: JSONValue, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String { return problems(value, resolve(ref), at: path) }
        if let options = schema["oneOf"] as? [[String: Any]] {
            return options.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): matches none of oneOf"]
        }
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty && !types.contains(where: { Self.matches(value, type: $0) }) {
            return ["\(path): expected \(types.joined(separator: "|")), got \(value)"]
        }
        if let allowed = schema["enum"] as? [Any] {
            let text: String? =
                switch value {
                case .string(let string): string
                case .number(let number): String(Int(number))
                default: nil
                }
            if let text, !allowed.contains(where: { "\($0)" == text }) { return ["\(path): \(text) is not one of \(allowed)"] }
        }
        var found: [String] = []
        if case .object(let object) = value {
            for key in (schema["required"] as? [String]) ?? [] {
                let present = object[key].map { $0 != .null || Self.allowsNull(schema, key) } ?? false
                if !present { found.append("\(path).\(key) is required") }
            }
            for (key, child) in (schema["properties"] as? [String: Any]) ?? [:] {
                if let item = object[key], item != .null, let child = child as? [String: Any] {
                    found += problems(item, child, at: "\(path).\(key)")
                }
            }
        }
        if case .array(let array) = value, let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { found += problems(item, items, at: "\(path)[\(index)]") }
        }
        return found
    }

    static func allowsNull(_ schema: [String: Any], _ key: String) -> Bool {
        guard let property = (schema["properties"] as? [String: Any])?[key] as? [String: Any] else { return false }
        return (property["oneOf"] as? [[String: Any]])?.contains { $0["type"] as? String == "null" } == true
            || (property["type"] as? [String])?.contains("null") == true
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("number", .number), ("null", .null):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}

/// Checks a JSON response body against the document's schema for that operation and status.
func expectMatchesSchema(
    _ response: TestResponse, _ method: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let schema = OpenAPISchema.shared
    guard let expected = schema.responseSchema(method: method, path: path, status: Int(response.status.code)) else {
        Issue.record("openapi.yaml has no \(response.status.code) response for \(method) \(path)", sourceLocation: sourceLocation)
        return
    }
    guard !expected.isEmpty, let value = try? JSONValue.parse(Data(buffer: response.body)) else { return }
    let problems = schema.problems(value, expected)
    #expect(problems.isEmpty, "\(method) \(path) → \(response.status.code): \(problems.prefix(5))", sourceLocation: sourceLocation)
}
