import Crypto
import Foundation

/// The content encryption key and nonce of one push message, with every value on the way kept so tests can check
/// each step against RFC 8291 Appendix A.
///
/// Each HKDF is written out as its HMAC steps (RFC 5869 §2.2–2.3): every output here is at most one SHA-256 block,
/// so HKDF-Expand is a single HMAC over `info || 0x01`, truncated.
struct WebPushKeySchedule {
    /// ECDH between the application server's key and the user agent's (RFC 8291 §3.1).
    let ecdhSecret: Data
    /// HKDF-Extract(salt=auth_secret, IKM=ecdh_secret) (RFC 8291 §3.3).
    let keyCombiningPRK: Data
    /// "WebPush: info" || 0x00 || ua_public || as_public (RFC 8291 §3.3).
    let keyInfo: Data
    /// HKDF-Expand(PRK_key, key_info, 32): the IKM of the content coding (RFC 8291 §3.3).
    let inputKeyingMaterial: Data
    /// HKDF-Extract(salt, IKM) (RFC 8188 §2.2).
    let contentPRK: Data
    /// HKDF-Expand(PRK, "Content-Encoding: aes128gcm" || 0x00, 16) (RFC 8188 §2.2).
    let contentEncryptionKey: Data
    /// HKDF-Expand(PRK, "Content-Encoding: nonce" || 0x00, 12), XORed with the record's sequence number, which is
    /// zero for the only record a push message has (RFC 8188 §2.3, RFC 8291 §4).
    let nonce: Data

    static let keyInfoLabel = Data("WebPush: info".utf8) + [0x00]
    static let contentEncryptionKeyInfo = Data("Content-Encoding: aes128gcm".utf8) + [0x00]
    static let nonceInfo = Data("Content-Encoding: nonce".utf8) + [0x00]

    init(ecdhSecret: Data, authSecret: Data, userAgentPublicKey: Data, applicationServerPublicKey: Data, salt: Data) {
        self.ecdhSecret = ecdhSecret
        keyCombiningPRK = Self.hmac(key: authSecret, ecdhSecret)
        keyInfo = Self.keyInfoLabel + userAgentPublicKey + applicationServerPublicKey
        inputKeyingMaterial = Self.expand(keyCombiningPRK, info: keyInfo, length: 32)
        contentPRK = Self.hmac(key: salt, inputKeyingMaterial)
        contentEncryptionKey = Self.expand(contentPRK, info: Self.contentEncryptionKeyInfo, length: 16)
        nonce = Self.expand(contentPRK, info: Self.nonceInfo, length: 12)
    }

    /// The schedule for a sender holding `privateKey` and a receiver whose public key is `peer`; either side can
    /// compute it, as ECDH gives both the same secret.
    init(
        privateKey: P256.KeyAgreement.PrivateKey, peer: P256.KeyAgreement.PublicKey, authSecret: Data,
        userAgentPublicKey: Data, applicationServerPublicKey: Data, salt: Data
    ) throws {
        let shared = try privateKey.sharedSecretFromKeyAgreement(with: peer)
        self.init(
            ecdhSecret: shared.withUnsafeBytes { Data($0) }, authSecret: authSecret, userAgentPublicKey: userAgentPublicKey,
            applicationServerPublicKey: applicationServerPublicKey, salt: salt)
    }

    private static func hmac(key: Data, _ message: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    /// HKDF-Expand for a length of at most 32 octets: T(1) = HMAC(PRK, info || 0x01) is all of it.
    private static func expand(_ prk: Data, info: Data, length: Int) -> Data {
        precondition(length <= SHA256.byteCount, "one HMAC block covers every length RFC 8291 asks for")
        return Data(hmac(key: prk, info + [0x01]).prefix(length))
    }
}
