import Crypto
import Foundation

/// Voluntary Application Server Identification (RFC 8292): a short-lived JWT, signed with the VAPID key, that tells a
/// push service which application server sends a message.
enum VAPID {
    /// The furthest ahead an expiry may be (RFC 8292 §2).
    static let maximumLifetime: TimeInterval = 24 * 60 * 60

    /// The value of the `Authorization` header for a request to `endpoint`: `vapid t=<JWT>, k=<public key>` (RFC 8292 §3).
    /// `now` is a parameter so tests can hold the clock still.
    static func authorization(
        endpoint: URL, subject: String, privateKey: P256.Signing.PrivateKey, expiresAt: Date, now: Date = Date()
    ) throws(VAPIDError) -> String {
        let token = try jwt(endpoint: endpoint, subject: subject, privateKey: privateKey, expiresAt: expiresAt, now: now)
        return "vapid t=\(token), k=\(VAPIDKeys.applicationServerKey(privateKey.publicKey))"
    }

    /// A JWS in compact form (RFC 7515 §7.1) with the claims RFC 8292 §2 asks for: `aud`, `exp` and `sub`.
    static func jwt(
        endpoint: URL, subject: String, privateKey: P256.Signing.PrivateKey, expiresAt: Date, now: Date = Date()
    ) throws(VAPIDError) -> String {
        let claims = Claims(aud: try audience(of: endpoint), exp: try expiry(expiresAt, now: now), sub: try contact(subject))
        let signingInput = Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(claims.json)
        // ES256 signs the SHA-256 of the input; JWS carries r || s, 32 octets each (RFC 7518 §3.4).
        let signature = try! privateKey.signature(for: Data(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }

    /// The header is always the same two members (RFC 8292 §2).
    static let header = #"{"typ":"JWT","alg":"ES256"}"#

    /// The ASCII serialization of the endpoint's origin (RFC 6454 §6.2): scheme, host, and the port only when it is
    /// not the scheme's default. One token then serves every endpoint of that push service.
    static func audience(of endpoint: URL) throws(VAPIDError) -> String {
        guard let scheme = endpoint.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = endpoint.host?.lowercased(), !host.isEmpty
        else { throw .endpointHasNoOrigin }
        // An IPv6 literal keeps its brackets in an origin.
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let defaultPort = scheme == "https" ? 443 : 80
        guard let port = endpoint.port, port != defaultPort else { return "\(scheme)://\(hostPart)" }
        return "\(scheme)://\(hostPart):\(port)"
    }

    /// Seconds since 1970 as an integer (RFC 7519 §2 NumericDate), refused when already past or more than a day ahead.
    private static func expiry(_ expiresAt: Date, now: Date) throws(VAPIDError) -> Int {
        let lifetime = expiresAt.timeIntervalSince(now)
        guard lifetime > 0, lifetime <= maximumLifetime else { throw .invalidExpiry }
        return Int(expiresAt.timeIntervalSince1970.rounded(.down))
    }

    /// A contact for the push service's operator: a `mailto:` or `https:` URI (RFC 8292 §2.1).
    private static func contact(_ subject: String) throws(VAPIDError) -> String {
        let lowered = subject.lowercased()
        guard lowered.hasPrefix("mailto:") && subject.count > 7 || lowered.hasPrefix("https:") && subject.count > 6 else {
            throw .invalidSubject
        }
        return subject
    }

    private struct Claims: Encodable {
        let aud: String
        let exp: Int
        let sub: String

        var json: Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // Three strings and an integer always encode.
            return try! encoder.encode(self)
        }
    }
}
