/// Checks that bytes are JSON exactly as RFC 8259 writes it, before anything reads them: UTF-8 with no byte-order
/// mark, no trailing commas or comments, and no key twice in one object (a reader that keeps the first of two keys
/// and one that keeps the last would otherwise see different requests).
public enum StrictJSON {
    public static let maxDepth = 64

    public static func validate(_ bytes: [UInt8]) throws(InputError) {
        guard !(bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) else {
            throw InputError("the body starts with a byte-order mark; send plain UTF-8")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw InputError("the body is not UTF-8 text") }
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpace()
        try scanner.value(depth: 0)
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.error("something follows the end of the JSON value") }
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { atEnd ? nil : bytes[index] }

        func error(_ what: String) -> InputError { InputError("\(what) (at byte \(index))") }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(InputError) {
            guard current == byte else { throw error("expected \(what)") }
            index += 1
        }

        mutating func value(depth: Int) throws(InputError) {
            guard depth < StrictJSON.maxDepth else { throw error("the JSON is nested too deeply") }
            switch current {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            default: try number()
            }
        }

        mutating func object(depth: Int) throws(InputError) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            var keys: Set<[UInt16]> = []
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a key in quotes (no comma before })") }
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw error("\"\(String(decoding: key, as: UTF16.self).prefix(40))\" appears twice in one object")
                }
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after a key")
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                return
            }
        }

        mutating func array(depth: Int) throws(InputError) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipSpace()
                guard current != UInt8(ascii: "]") else { throw error("a comma before ]") }
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                return
            }
        }

        /// A string, returned as UTF-16 code units with escapes resolved (so "a" and "\u0061" are the same key).
        mutating func string() throws(InputError) -> [UInt16] {
            index += 1
            var units: [UInt16] = []
            var runStart = index
            func flush(_ end: Int) { units += String(decoding: bytes[runStart..<end], as: UTF8.self).utf16 }
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    flush(index)
                    index += 1
                    return units
                case UInt8(ascii: "\\"):
                    flush(index)
                    index += 1
                    guard let escape = current else { throw error("the text ends inside an escape") }
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): units.append(UInt16(escape))
                    case UInt8(ascii: "b"): units.append(0x08)
                    case UInt8(ascii: "f"): units.append(0x0C)
                    case UInt8(ascii: "n"): units.append(0x0A)
                    case UInt8(ascii: "r"): units.append(0x0D)
                    case UInt8(ascii: "t"): units.append(0x09)
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count,
                            let unit = UInt16(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                        else { throw error("\\u needs four hex digits") }
                        units.append(unit)
                        index += 4
                    default: throw error("unknown escape \\\(Character(Unicode.Scalar(escape)))")
                    }
                    runStart = index
                case 0..<0x20: throw error("a control character inside text; escape it")
                default: index += 1
                }
            }
            throw error("the text is missing its closing quote")
        }

        mutating func literal(_ word: String) throws(InputError) {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw error("unexpected character")
            }
            index += expected.count
        }

        mutating func number() throws(InputError) {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, isDigit(first) else { throw error("unexpected character") }
            if first == UInt8(ascii: "0") { index += 1 } else { digits() }
            if current == UInt8(ascii: ".") {
                index += 1
                guard let next = current, isDigit(next) else { throw error("a digit after the decimal point") }
                digits()
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let next = current, isDigit(next) else { throw error("a digit in the exponent") }
                digits()
            }
            guard index > start else { throw error("unexpected character") }
        }

        mutating func digits() { while let byte = current, isDigit(byte) { index += 1 } }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}
