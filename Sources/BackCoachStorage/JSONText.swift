import Foundation

/// Values read and written whole (answers, the program record, session feedback) are stored as JSON text, the same
/// bytes on every database.
public enum JSONText {
    public struct CorruptValue: Error, CustomStringConvertible {
        public let column: String

        public init(column: String) {
            self.column = column
        }

        public var description: String { "stored value in \(column) could not be read" }
    }

    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
