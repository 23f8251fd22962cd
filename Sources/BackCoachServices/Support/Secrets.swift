import Crypto
import Foundation

/// Random secrets (API tokens, calendar feed secrets) and the hash under which tokens are stored.
public enum Secrets {
    /// 32 random bytes as URL-safe base64 (43 characters). `SystemRandomNumberGenerator` reads the
    /// kernel's cryptographic random source.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 hex digest. Tokens are long random strings, so a fast hash is enough: there is nothing to guess.
    public static func hash(_ token: String) -> String {
        // Hex by table: `String(format:)` per byte made this 4% of every authenticated request.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Compares secrets in time that doesn't depend on where they differ.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
