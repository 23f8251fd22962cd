import Foundation

/// The URL- and filename-safe base64 alphabet of RFC 4648 §5, written without padding, as Web Push uses it for keys,
/// secrets and JWT parts (RFC 8291 §2, RFC 7515 §2).
enum Base64URL {
    /// One pass over standard base64's bytes: Foundation's `replacingOccurrences`, three times, was 6% of a
    /// `GET /api/v1/me/reminders` (it encodes the server's public key).
    static func encode<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        var text = Array(Data(bytes).base64EncodedData())
        var kept = 0
        for index in text.indices {
            switch text[index] {
            case UInt8(ascii: "="): continue
            case UInt8(ascii: "+"): text[kept] = UInt8(ascii: "-")
            case UInt8(ascii: "/"): text[kept] = UInt8(ascii: "_")
            case let byte: text[kept] = byte
            }
            kept += 1
        }
        return String(decoding: text.prefix(kept), as: UTF8.self)
    }

    /// Accepts text with or without its `=` padding (browsers send keys without). Returns nil for any character outside
    /// the URL-safe alphabet, so standard base64's `+` and `/` are refused rather than silently read.
    static func decode(_ text: String) -> Data? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var body = Substring(text)
        while body.hasSuffix("=") { body = body.dropLast() }
        // Padding, when present, must be exactly what completes the last group of four.
        let padding = text.utf8.count - body.utf8.count
        guard body.utf8.allSatisfy(allowed.contains), body.utf8.count % 4 != 1 else { return nil }
        guard padding == 0 || (body.utf8.count + padding) % 4 == 0 && padding <= 2 else { return nil }
        let standard = body.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let repadded = standard + String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Data(base64Encoded: repadded)
    }
}
