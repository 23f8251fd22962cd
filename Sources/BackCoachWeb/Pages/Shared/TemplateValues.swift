import Mustache
import Synchronization

/// Turns a page's view model into dictionaries and arrays before rendering.
///
/// swift-mustache looks names up with `Mirror` on plain structs, once per lookup and per level of the section
/// stack, which made reflection most of a page's cost (62% of the Today page in a profile). Reflecting each
/// value once here makes every later lookup a dictionary read. A nil optional becomes a missing key, which
/// Mustache treats the same way (it keeps looking in outer sections).
///
/// What to do with a value is decided once per type (`TemplateValueKind`), and plain structs are read by their
/// field layout (`StructFields`): per value, Mirror and dynamic casts were most of the flattening's own cost.
enum TemplateValues {
    static func flatten(_ value: Any) -> Any {
        flattenedOrNil(value) ?? value
    }

    /// nil for a nil optional, so a struct leaves that key out.
    private static func flattenedOrNil(_ value: Any) -> Any? {
        switch TemplateValueKind.of(value) {
        case .asIs:
            return value
        case .optional:
            guard let wrapped = (value as? any OptionalValue)?.wrappedValue else { return nil }
            return flatten(wrapped)
        case .plainStruct(let layout):
            var fields: [String: Any] = .init(minimumCapacity: layout.fields.count)
            for (name, child) in layout.values(of: value) {
                if let flat = flattenedOrNil(child) { fields[name] = flat }
            }
            return fields
        case .collection:
            return Mirror(reflecting: value).children.map { flatten($0.value) }
        case .dictionary:
            guard let dictionary = value as? [String: Any] else { return value }
            return dictionary.mapValues(flatten)
        case .reflected:
            var fields: [String: Any] = [:]
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                if let flat = flattenedOrNil(child.value) { fields[label] = flat }
            }
            return fields
        }
    }
}

/// How a type's values are flattened, decided from the first value of that type met.
enum TemplateValueKind: Sendable {
    /// Text, numbers, lambdas, enums, tuples, and values that print themselves (dates, `LocalDate`, so `{{date}}`
    /// still reads 2026-11-25).
    case asIs
    case optional
    case plainStruct(StructFields)
    case collection
    case dictionary
    /// A class: read through Mirror each time.
    case reflected

    static func of(_ value: Any) -> TemplateValueKind {
        let type = Swift.type(of: value)
        if let known = known.withLock({ $0[ObjectIdentifier(type)] }) { return known }
        let kind = decide(value)
        known.withLock { $0[ObjectIdentifier(type)] = kind }
        return kind
    }

    /// Filled by whichever request meets a type first; types are few, so it never needs trimming.
    private static let known = Mutex<[ObjectIdentifier: TemplateValueKind]>([:])

    private static func decide(_ value: Any) -> TemplateValueKind {
        switch value {
        case is String, is Substring, is Int, is Double, is Bool, is MustacheLambda: return .asIs
        case is any OptionalValue: return .optional
        default: break
        }
        switch Mirror(reflecting: value).displayStyle {
        case .collection, .set: return .collection
        case .dictionary: return .dictionary
        case .struct, .class:
            if value is any CustomStringConvertible { return .asIs }
            return StructFields.of(value).map(TemplateValueKind.plainStruct) ?? .reflected
        default: return .asIs
        }
    }
}

/// Any `Optional`, seen through `Any`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { map { $0 as Any } }
}
