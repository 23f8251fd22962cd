import Foundation

/// The header that starts an `aes128gcm` body (RFC 8188 §2.1):
/// salt (16) | rs (uint32, network order) | idlen (1) | keyid (idlen).
/// For Web Push the key ID is the application server's uncompressed public key, so idlen is 65 (RFC 8291 §4).
struct AES128GCMHeader: Equatable {
    static let saltLength = 16
    static let senderPublicKeyLength = 65
    /// The 21 octets before the key ID.
    static let fixedLength = saltLength + 4 + 1
    /// 86 for Web Push.
    static let length = fixedLength + senderPublicKeyLength

    let salt: Data
    let recordSize: UInt32
    let senderPublicKey: Data

    var encoded: Data {
        var bytes = Data(salt)
        withUnsafeBytes(of: recordSize.bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(senderPublicKey.count))
        bytes.append(senderPublicKey)
        return bytes
    }

    init(salt: Data, recordSize: UInt32, senderPublicKey: Data) {
        self.salt = salt
        self.recordSize = recordSize
        self.senderPublicKey = senderPublicKey
    }

    /// Reads the header from the front of `body`; nil when it is cut short or its key ID is not a 65-octet key.
    init?(parsing body: Data) {
        let bytes = [UInt8](body.prefix(Self.length))
        guard bytes.count >= Self.fixedLength else { return nil }
        let idLength = Int(bytes[Self.saltLength + 4])
        guard idLength == Self.senderPublicKeyLength, bytes.count == Self.length else { return nil }
        salt = Data(bytes[0..<Self.saltLength])
        recordSize = bytes[Self.saltLength..<Self.saltLength + 4].reduce(0) { $0 << 8 | UInt32($1) }
        senderPublicKey = Data(bytes[Self.fixedLength...])
    }
}
