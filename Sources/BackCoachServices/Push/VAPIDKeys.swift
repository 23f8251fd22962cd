import Crypto
import Foundation

/// The application server's VAPID key pair (RFC 8292 §2): an ECDSA P-256 signing key, kept apart from any key used
/// for message encryption. The private key is stored as its raw 32-octet scalar; the public key goes to browsers.
enum VAPIDKeys {
    static func generate() -> P256.Signing.PrivateKey {
        P256.Signing.PrivateKey()
    }

    /// The raw scalar, for storage. It is a secret: keep it where other credentials are kept.
    static func rawPrivateKey(_ key: P256.Signing.PrivateKey) -> Data {
        key.rawRepresentation
    }

    static func privateKey(raw: Data) throws(VAPIDError) -> P256.Signing.PrivateKey {
        guard raw.count == 32 else { throw .invalidPrivateKey }
        do {
            return try P256.Signing.PrivateKey(rawRepresentation: raw)
        } catch {
            throw .invalidPrivateKey
        }
    }

    /// The uncompressed point (65 octets from 0x04) as base64url: both the `applicationServerKey` a page passes to
    /// `pushManager.subscribe` and the `k` parameter of the Authorization header (RFC 8292 §3.2).
    static func applicationServerKey(_ key: P256.Signing.PublicKey) -> String {
        Base64URL.encode(key.x963Representation)
    }
}
