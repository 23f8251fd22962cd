@_spi(Reflection) import Swift

/// A plain struct's stored fields, worked out once per type: `Mirror` resolves every field's type from its mangled
/// name on every reflection, which was most of `TemplateValues.flatten` (perf, docs/performance.md).
struct StructFields: Sendable {
    struct Field: Sendable {
        let name: String
        let offset: Int
        /// Copies the field's value out of the struct's bytes, as its own type.
        let read: @Sendable (UnsafeRawPointer) -> Any
    }

    let fields: [Field]

    /// The fields of `value`'s type, or nil when it is not a struct (a class, an enum, an optional, a tuple).
    static func of(_ value: Any) -> StructFields? {
        guard Mirror(reflecting: value).displayStyle == .struct else { return nil }
        var fields: [Field] = []
        let complete = _forEachField(of: Swift.type(of: value)) { name, offset, fieldType, _ in
            fields.append(Field(name: String(cString: name), offset: offset, read: reader(fieldType)))
            return true
        }
        return complete ? StructFields(fields: fields) : nil
    }

    /// Each field's name and value, in declaration order.
    func values(of value: Any) -> [(name: String, value: Any)] {
        func read<T>(_ value: T) -> [(name: String, value: Any)] {
            withUnsafePointer(to: value) { pointer in
                let base = UnsafeRawPointer(pointer)
                return fields.map { ($0.name, $0.read(base + $0.offset)) }
            }
        }
        return _openExistential(value, do: read)
    }

    private static func reader<T>(_: T.Type) -> @Sendable (UnsafeRawPointer) -> Any {
        { $0.load(as: T.self) }
    }
}
