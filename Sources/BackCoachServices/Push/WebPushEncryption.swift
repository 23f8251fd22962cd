import Crypto
import Foundation

/// Message encryption for Web Push (RFC 8291): one `aes128gcm` record (RFC 8188) sealed for a subscription's
/// `p256dh` key and `auth` secret. `encrypt` is the application server's side; `decrypt` is the user agent's, for
/// tests and for a stand-in push service.
enum WebPushEncryption {
    /// A push service need accept no more than 4096 octets of body; less the 86-octet header, the delimiter and the
    /// 16-octet tag, that leaves this much plaintext (RFC 8291 §4).
    static let maximumPlaintextLength = 3993
    static let defaultRecordSize: UInt32 = 4096
    static let authSecretLength = 16
    static let tagLength = 16
    /// The padding delimiter of a last record (RFC 8188 §2); a push message has only that one record.
    static let lastRecordDelimiter: UInt8 = 0x02

    /// A fresh 16-octet salt; it must never repeat for the same keys (RFC 8188 §2.1).
    static func randomSalt() -> Data {
        SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
    }

    /// The whole request body: header, then the plaintext and its delimiter sealed as one record, with no padding.
    /// `senderKey` and `salt` are fresh for every message; tests pass fixed ones to reproduce RFC 8291's example.
    static func encrypt(
        plaintext: Data, subscriberPublicKey: Data, authSecret: Data,
        senderKey: P256.KeyAgreement.PrivateKey = P256.KeyAgreement.PrivateKey(), salt: Data = randomSalt(),
        recordSize: UInt32 = defaultRecordSize
    ) throws(WebPushError) -> Data {
        guard plaintext.count <= maximumPlaintextLength else { throw .plaintextTooLarge(length: plaintext.count) }
        // The record size must exceed plaintext + delimiter + tag, so the whole message is one record (RFC 8291 §4).
        guard Int(recordSize) > plaintext.count + 1 + tagLength else { throw .invalidRecordSize }
        guard authSecret.count == authSecretLength else { throw .invalidAuthSecret }
        guard salt.count == AES128GCMHeader.saltLength else { throw .invalidSalt }
        let subscriberKey = try userAgentKey(subscriberPublicKey)
        let senderPublicKey = senderKey.publicKey.x963Representation
        let keys: WebPushKeySchedule
        do {
            keys = try WebPushKeySchedule(
                privateKey: senderKey, peer: subscriberKey, authSecret: authSecret, userAgentPublicKey: subscriberPublicKey,
                applicationServerPublicKey: senderPublicKey, salt: salt)
        } catch {
            throw .invalidSubscriberPublicKey
        }
        let header = AES128GCMHeader(salt: salt, recordSize: recordSize, senderPublicKey: senderPublicKey)
        return header.encoded + seal(plaintext + [lastRecordDelimiter], keys: keys)
    }

    /// What the user agent does on receipt: read the header, derive the same keys from its own private key, open the
    /// single record and return what precedes the delimiter.
    static func decrypt(body: Data, subscriberPrivateKey: P256.KeyAgreement.PrivateKey, authSecret: Data) throws(WebPushError) -> Data {
        guard authSecret.count == authSecretLength else { throw .invalidAuthSecret }
        guard let header = AES128GCMHeader(parsing: body) else { throw .malformedBody }
        let record = body.dropFirst(AES128GCMHeader.length)
        // One record (RFC 8291 §4): at least a delimiter and the tag, at most rs octets (RFC 8188 §2).
        guard header.recordSize >= 18, record.count >= 1 + tagLength, record.count <= header.recordSize else { throw .malformedBody }
        let keys: WebPushKeySchedule
        do {
            let senderKey = try P256.KeyAgreement.PublicKey(x963Representation: header.senderPublicKey)
            keys = try WebPushKeySchedule(
                privateKey: subscriberPrivateKey, peer: senderKey, authSecret: authSecret,
                userAgentPublicKey: subscriberPrivateKey.publicKey.x963Representation,
                applicationServerPublicKey: header.senderPublicKey, salt: header.salt)
        } catch {
            throw .malformedBody
        }
        let padded = try open(Data(record), keys: keys)
        // Any padding is zeros after the delimiter; anything other than 0x02 there means discard (RFC 8291 §4).
        guard let delimiter = padded.lastIndex(where: { $0 != 0 }), padded[delimiter] == lastRecordDelimiter else {
            throw .invalidPadding
        }
        return Data(padded[padded.startIndex..<delimiter])
    }

    /// The subscription's `p256dh`: an uncompressed point (RFC 8291 §3.1), which CryptoKit also checks is on the curve.
    private static func userAgentKey(_ bytes: Data) throws(WebPushError) -> P256.KeyAgreement.PublicKey {
        guard bytes.count == AES128GCMHeader.senderPublicKeyLength, bytes.first == 0x04 else { throw .invalidSubscriberPublicKey }
        do {
            return try P256.KeyAgreement.PublicKey(x963Representation: bytes)
        } catch {
            throw .invalidSubscriberPublicKey
        }
    }

    /// Ciphertext followed by the tag, as the record carries them (RFC 8188 §2).
    private static func seal(_ record: Data, keys: WebPushKeySchedule) -> Data {
        // A 16-octet key and a 12-octet nonce are the sizes AES-128-GCM takes, so neither call can refuse them.
        let nonce = try! AES.GCM.Nonce(data: keys.nonce)
        let sealed = try! AES.GCM.seal(record, using: SymmetricKey(data: keys.contentEncryptionKey), nonce: nonce)
        return sealed.ciphertext + sealed.tag
    }

    private static func open(_ record: Data, keys: WebPushKeySchedule) throws(WebPushError) -> Data {
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: keys.nonce), ciphertext: record.dropLast(tagLength), tag: record.suffix(tagLength))
            return try AES.GCM.open(box, using: SymmetricKey(data: keys.contentEncryptionKey))
        } catch {
            throw .decryptionFailed
        }
    }
}
