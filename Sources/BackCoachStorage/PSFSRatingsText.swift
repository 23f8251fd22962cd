import BackCoachCore
import Foundation

/// PSFS ratings as stored: the JSON text `JSONText.encode` writes, `[{"activity":"…","score":7},…]`.
///
/// A 3-year progress view reads 150-odd rounds, and Foundation's JSONDecoder took 15 µs for each (17% of that request).
/// This reads exactly the shape the app writes, in place; anything else (older rows, another writer's spacing) goes to
/// JSONDecoder, so every stored value still reads.
public enum PSFSRatingsText {
    public static func decode(_ text: String) throws -> [PSFSRating] {
        if let fast = fastDecode(text) { return fast }
        return try JSONText.decode([PSFSRating].self, text)
    }

    static func fastDecode(_ text: String) -> [PSFSRating]? {
        var text = text
        return text.withUTF8 { bytes -> [PSFSRating]? in
            var reader = Reader(bytes: bytes)
            guard reader.take("[") else { return nil }
            var ratings: [PSFSRating] = []
            if reader.take("]") { return reader.atEnd ? ratings : nil }
            repeat {
                guard reader.take(#"{"activity":""#), let activity = reader.string(), reader.take(#","score":"#),
                    let score = reader.integer(), reader.take("}")
                else { return nil }
                ratings.append(PSFSRating(activity: activity, score: score))
            } while reader.take(",")
            return reader.take("]") && reader.atEnd ? ratings : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// A JSON string after its opening quote; escapes other than \" and \\ go to the slow path.
        mutating func string() -> String? {
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    defer { index += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                case UInt8(ascii: "\\"), 0..<0x20: return nil
                default: index += 1
                }
            }
            return nil
        }

        mutating func integer() -> Int? {
            let negative = take("-")
            var value = 0
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), index - start < 9 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? (negative ? -value : value) : nil
        }
    }
}
