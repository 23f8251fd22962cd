import Mustache

/// Turns a page's view model into dictionaries and arrays before rendering.
///
/// swift-mustache looks names up with `Mirror` on plain structs, once per lookup and per level of the section
/// stack, which made reflection most of a page's cost (62% of the Today page in a profile). Reflecting each
/// value once here makes every later lookup a dictionary read. A nil optional becomes a missing key, which
/// Mustache treats the same way (it keeps looking in outer sections).
enum TemplateValues {
    static func flatten(_ value: Any) -> Any {
        switch value {
        case is String, is Substring, is Int, is Double, is Bool, is MustacheLambda: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return value }
            return flatten(wrapped)
        case .collection, .set:
            return mirror.children.map { flatten($0.value) }
        case .dictionary:
            guard let dictionary = value as? [String: Any] else { return value }
            return dictionary.mapValues(flatten)
        case .struct, .class:
            // Values that print themselves (dates, LocalDate) stay whole, so `{{date}}` still reads 2026-11-25.
            if value is any CustomStringConvertible { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                let field = Mirror(reflecting: child.value)
                if field.displayStyle == .optional && field.children.isEmpty { continue }
                fields[label] = flatten(child.value)
            }
            return fields
        default:
            return value  // enums and tuples render as they are
        }
    }
}
