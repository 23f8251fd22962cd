/// Reads typed fields out of a JSON object, producing one-line errors that name the field.
/// Shared by every parser of user input so all interfaces phrase problems the same way.
public struct FieldReader: Sendable {
    public let fields: [String: JSONValue]

    public init(fields: [String: JSONValue]) {
        self.fields = fields
    }

    public func rejectUnknownKeys(allowed: [String]) throws(InputError) {
        let unknown = fields.keys.filter { !allowed.contains($0) }.sorted()
        if let first = unknown.first {
            throw InputError("unknown field \"\(first)\"; allowed fields are \(allowed.joined(separator: ", "))")
        }
    }

    /// An optional whole number; `null` counts as absent.
    public func int(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let value = present(key) else { return nil }
        let problem = "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        guard case .number(let number) = value else { throw InputError("\(problem) (got \(value.kindDescription))") }
        guard number.rounded() == number, let whole = Int(exactly: number) else {
            throw InputError("\(problem) (got \(Self.format(number)))")
        }
        guard range.contains(whole) else { throw InputError("\(problem) (got \(whole))") }
        return whole
    }

    public func requiredInt(_ key: String, in range: ClosedRange<Int>) throws(InputError) -> Int {
        guard let value = try int(key, in: range) else {
            throw InputError("\(key) is required: a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    public func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw InputError("\(key) must be true or false (got \(value.kindDescription))")
        }
        return flag
    }

    public func string(_ key: String, maxLength: Int) throws(InputError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value else {
            throw InputError("\(key) must be text (got \(value.kindDescription))")
        }
        guard text.count <= maxLength else { throw InputError("\(key) must be at most \(maxLength) characters") }
        return text
    }

    public func option<Option: IntakeOption>(_ key: String) throws(InputError) -> Option? {
        guard let value = present(key) else { return nil }
        return try Self.option(value, field: key)
    }

    public func requiredOption<Option: IntakeOption>(_ key: String) throws(InputError) -> Option {
        guard let value: Option = try option(key) else {
            throw InputError("\(key) is required: one of \(Option.allowedValues)")
        }
        return value
    }

    /// A list of option words; duplicates are folded, `null` or absent means none.
    public func optionSet<Option: IntakeOption>(_ key: String) throws(InputError) -> Set<Option> {
        guard let value = present(key) else { return [] }
        guard case .array(let items) = value else {
            throw InputError("\(key) must be a list of: \(Option.allowedValues) (got \(value.kindDescription))")
        }
        var result = Set<Option>()
        for item in items {
            result.insert(try Self.option(item, field: key))
        }
        return result
    }

    private static func option<Option: IntakeOption>(_ value: JSONValue, field: String) throws(InputError) -> Option {
        guard case .string(let word) = value, let option = Option(rawValue: word) else {
            let got = if case .string(let word) = value { "\"\(word)\"" } else { value.kindDescription }
            throw InputError("\(field) must be one of \(Option.allowedValues) (got \(got))")
        }
        return option
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = fields[key], value != .null else { return nil }
        return value
    }

    private static func format(_ number: Double) -> String {
        number.isFinite ? String(number) : "a number that is too large"
    }
}
