/// Why a push message could not be encrypted or decrypted. The sender's cases tell a subscription that can never be
/// reached (a bad key or secret: drop it) from a message that is ours to fix (too long).
enum WebPushError: Error, Equatable, Sendable {
    /// The subscription's `p256dh` is not an uncompressed P-256 point (65 octets from 0x04) on the curve (RFC 8291 §3.1).
    case invalidSubscriberPublicKey
    /// The subscription's `auth` is not 16 octets (RFC 8291 §3.2).
    case invalidAuthSecret
    /// The salt is not 16 octets (RFC 8188 §2.1).
    case invalidSalt
    /// The record size can't hold this plaintext, its delimiter and the tag in one record (RFC 8291 §4, RFC 8188 §2).
    case invalidRecordSize
    /// More than the 3993 octets of plaintext a 4096-octet push body can carry (RFC 8291 §4).
    case plaintextTooLarge(length: Int)
    /// The body is not one `aes128gcm` record whose key ID is the sender's public key (RFC 8188 §2.1, RFC 8291 §4).
    case malformedBody
    /// The record did not authenticate: it was altered, or the keys or secret are not the ones it was sealed for.
    case decryptionFailed
    /// The decrypted record does not end in the 0x02 delimiter that marks the last record (RFC 8188 §2, RFC 8291 §4).
    case invalidPadding
}
