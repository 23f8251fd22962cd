import Crypto
import Foundation
import Testing

@testable import BackCoachServices

/// Decodes one of the RFC's base64url values; a value that doesn't decode fails the test rather than crashing it.
private func octets(_ text: String) throws -> Data {
    try #require(Base64URL.decode(text), "not base64url: \(text)")
}

@Suite("RFC 8291's worked example, step by step")
struct RFC8291ExampleTests {
    typealias Example = RFC8291Example

    static func keySchedule() throws -> WebPushKeySchedule {
        let sender = try P256.KeyAgreement.PrivateKey(rawRepresentation: octets(Example.applicationServerPrivateKey))
        return try WebPushKeySchedule(
            privateKey: sender, peer: P256.KeyAgreement.PublicKey(x963Representation: octets(Example.userAgentPublicKey)),
            authSecret: octets(Example.authSecret), userAgentPublicKey: octets(Example.userAgentPublicKey),
            applicationServerPublicKey: octets(Example.applicationServerPublicKey), salt: octets(Example.salt))
    }

    @Test("Each private key gives the public key printed beside it")
    func keyPairs() throws {
        let sender = try P256.KeyAgreement.PrivateKey(rawRepresentation: octets(Example.applicationServerPrivateKey))
        let receiver = try P256.KeyAgreement.PrivateKey(rawRepresentation: octets(Example.userAgentPrivateKey))
        #expect(sender.publicKey.x963Representation == (try octets(Example.applicationServerPublicKey)))
        #expect(receiver.publicKey.x963Representation == (try octets(Example.userAgentPublicKey)))
        #expect(Base64URL.encode(Data(Example.plaintext.utf8)) == Example.plaintextBase64URL)
    }

    @Test("ECDH, PRK_key, key_info, IKM, PRK, CEK and NONCE match Appendix A")
    func intermediates() throws {
        let keys = try Self.keySchedule()
        #expect(Base64URL.encode(keys.ecdhSecret) == Example.ecdhSecret)
        #expect(Base64URL.encode(keys.keyCombiningPRK) == Example.keyCombiningPRK)
        #expect(Base64URL.encode(keys.keyInfo) == Example.keyInfo)
        #expect(Base64URL.encode(keys.inputKeyingMaterial) == Example.inputKeyingMaterial)
        #expect(Base64URL.encode(keys.contentPRK) == Example.contentPRK)
        #expect(Base64URL.encode(WebPushKeySchedule.contentEncryptionKeyInfo) == Example.contentEncryptionKeyInfo)
        #expect(Base64URL.encode(keys.contentEncryptionKey) == Example.contentEncryptionKey)
        #expect(Base64URL.encode(WebPushKeySchedule.nonceInfo) == Example.nonceInfo)
        #expect(Base64URL.encode(keys.nonce) == Example.nonce)
    }

    @Test("The user agent's side of ECDH reaches the same secret")
    func receiverAgrees() throws {
        let receiver = try P256.KeyAgreement.PrivateKey(rawRepresentation: octets(Example.userAgentPrivateKey))
        let sender = try P256.KeyAgreement.PublicKey(x963Representation: octets(Example.applicationServerPublicKey))
        let shared = try receiver.sharedSecretFromKeyAgreement(with: sender).withUnsafeBytes { Data($0) }
        #expect(Base64URL.encode(shared) == Example.ecdhSecret)
    }

    @Test("The header, the sealed record and the whole body match the RFC byte for byte")
    func body() throws {
        let sender = try P256.KeyAgreement.PrivateKey(rawRepresentation: octets(Example.applicationServerPrivateKey))
        let body = try WebPushEncryption.encrypt(
            plaintext: Data(Example.plaintext.utf8), subscriberPublicKey: octets(Example.userAgentPublicKey),
            authSecret: octets(Example.authSecret), senderKey: sender, salt: octets(Example.salt), recordSize: Example.recordSize)
        #expect(body == (try octets(Example.body)))
        #expect(Base64URL.encode(body.prefix(AES128GCMHeader.length)) == Example.header)
        #expect(Base64URL.encode(body.dropFirst(AES128GCMHeader.length)) == Example.ciphertext)
        #expect(try octets(Example.delimitedPlaintext) == Data(Example.plaintext.utf8) + [0x02])
        #expect(body.count == 144)
    }

    @Test("The user agent decrypts the RFC's body to the watermelon sentence")
    func decryptsExample() throws {
        let receiver = try P256.KeyAgreement.PrivateKey(rawRepresentation: octets(Example.userAgentPrivateKey))
        let plaintext = try WebPushEncryption.decrypt(
            body: octets(Example.body), subscriberPrivateKey: receiver, authSecret: octets(Example.authSecret))
        #expect(String(decoding: plaintext, as: UTF8.self) == Example.plaintext)
        let header = try #require(AES128GCMHeader(parsing: octets(Example.body)))
        #expect(header.recordSize == 4096)
        #expect(header.salt == (try octets(Example.salt)))
        #expect(header.senderPublicKey == (try octets(Example.applicationServerPublicKey)))
    }
}

@Suite("Web Push message encryption")
struct WebPushEncryptionTests {
    /// A browser's subscription: its key pair and auth secret.
    struct Subscriber {
        let privateKey = P256.KeyAgreement.PrivateKey()
        let authSecret = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        var publicKey: Data { privateKey.publicKey.x963Representation }

        func encrypt(_ plaintext: Data) throws -> Data {
            try WebPushEncryption.encrypt(plaintext: plaintext, subscriberPublicKey: publicKey, authSecret: authSecret)
        }

        func decrypt(_ body: Data) throws -> Data {
            try WebPushEncryption.decrypt(body: body, subscriberPrivateKey: privateKey, authSecret: authSecret)
        }
    }

    @Test("What is encrypted for a subscription decrypts with its keys, up to the largest plaintext", arguments: [0, 1, 41, 3993])
    func roundTrip(length: Int) throws {
        let subscriber = Subscriber()
        let plaintext = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let body = try subscriber.encrypt(plaintext)
        #expect(body.count == AES128GCMHeader.length + length + 1 + 16)
        #expect(body.count <= 4096)
        #expect(try subscriber.decrypt(body) == plaintext)
    }

    @Test("Each message gets its own salt and sender key, so the same text never encrypts the same way twice")
    func freshEachTime() throws {
        let subscriber = Subscriber()
        let first = try subscriber.encrypt(Data("same".utf8))
        let second = try subscriber.encrypt(Data("same".utf8))
        #expect(first.prefix(16) != second.prefix(16))
        #expect(first.dropFirst(21).prefix(65) != second.dropFirst(21).prefix(65))
        #expect(first != second)
    }

    @Test("A changed octet anywhere in the salt, ciphertext or tag is refused", arguments: [0, 15, 86, 110, 136])
    func tampered(offset: Int) throws {
        let subscriber = Subscriber()
        var body = try subscriber.encrypt(Data("Time for your pelvic floor session".utf8))
        #expect(body.count == 86 + 34 + 1 + 16)
        body[offset] ^= 0x01
        #expect(throws: WebPushError.decryptionFailed) { try subscriber.decrypt(body) }
    }

    @Test("A changed sender key in the header is refused")
    func tamperedSenderKey() throws {
        let subscriber = Subscriber()
        var body = try subscriber.encrypt(Data("hello".utf8))
        body[21 + 40] ^= 0x01
        // Almost always off the curve (malformed); on the rare point that is on it, the record won't open.
        #expect(throws: WebPushError.self) { try subscriber.decrypt(body) }
    }

    @Test("The wrong auth secret or the wrong private key cannot open a message")
    func wrongKeys() throws {
        let subscriber = Subscriber()
        let body = try subscriber.encrypt(Data("hello".utf8))
        let otherSecret = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
        #expect(throws: WebPushError.decryptionFailed) {
            try WebPushEncryption.decrypt(body: body, subscriberPrivateKey: subscriber.privateKey, authSecret: otherSecret)
        }
        #expect(throws: WebPushError.decryptionFailed) {
            try WebPushEncryption.decrypt(
                body: body, subscriberPrivateKey: P256.KeyAgreement.PrivateKey(), authSecret: subscriber.authSecret)
        }
    }

    @Test("A plaintext longer than one 4096-octet body can carry is refused before anything is sealed")
    func oversize() throws {
        let subscriber = Subscriber()
        #expect(throws: WebPushError.plaintextTooLarge(length: 3994)) { try subscriber.encrypt(Data(count: 3994)) }
        #expect(throws: WebPushError.invalidRecordSize) {
            try WebPushEncryption.encrypt(
                plaintext: Data(count: 100), subscriberPublicKey: subscriber.publicKey, authSecret: subscriber.authSecret,
                recordSize: 117)
        }
        let fits = try WebPushEncryption.encrypt(
            plaintext: Data(count: 100), subscriberPublicKey: subscriber.publicKey, authSecret: subscriber.authSecret,
            recordSize: 118)
        #expect(try subscriber.decrypt(fits) == Data(count: 100))
    }

    @Test("A subscription key that is not an uncompressed P-256 point is refused")
    func badSubscriberKey() throws {
        let subscriber = Subscriber()
        let key = subscriber.publicKey
        var offCurve = key
        offCurve[64] ^= 0x01
        let compressed = subscriber.privateKey.publicKey.compressedRepresentation
        for bad in [Data(), key.prefix(64), key + [0], Data([0x02]) + key.dropFirst(), offCurve, compressed, Data(count: 65)] {
            #expect(throws: WebPushError.invalidSubscriberPublicKey) {
                try WebPushEncryption.encrypt(plaintext: Data("x".utf8), subscriberPublicKey: bad, authSecret: subscriber.authSecret)
            }
        }
    }

    @Test("An auth secret or salt of the wrong length is refused")
    func badLengths() throws {
        let subscriber = Subscriber()
        for secret in [Data(), Data(count: 15), Data(count: 17)] {
            #expect(throws: WebPushError.invalidAuthSecret) {
                try WebPushEncryption.encrypt(plaintext: Data("x".utf8), subscriberPublicKey: subscriber.publicKey, authSecret: secret)
            }
            #expect(throws: WebPushError.invalidAuthSecret) {
                try WebPushEncryption.decrypt(body: Data(count: 200), subscriberPrivateKey: subscriber.privateKey, authSecret: secret)
            }
        }
        #expect(throws: WebPushError.invalidSalt) {
            try WebPushEncryption.encrypt(
                plaintext: Data("x".utf8), subscriberPublicKey: subscriber.publicKey, authSecret: subscriber.authSecret,
                salt: Data(count: 15))
        }
    }

    @Test("A body that is cut short, has no 65-octet key ID, or holds more than one record is malformed")
    func malformedBodies() throws {
        let subscriber = Subscriber()
        let body = try subscriber.encrypt(Data("hello".utf8))
        var shortKeyID = body
        shortKeyID[20] = 64
        var smallRecordSize = body
        smallRecordSize.replaceSubrange(16..<20, with: [0, 0, 0, 17])
        var recordLongerThanRS = body
        recordLongerThanRS.replaceSubrange(16..<20, with: [0, 0, 0, 21])
        for bad in [Data(), body.prefix(20), body.prefix(86), body.prefix(86 + 16), shortKeyID, smallRecordSize, recordLongerThanRS] {
            #expect(throws: WebPushError.malformedBody) { try subscriber.decrypt(bad) }
        }
    }

    /// Seals `record` as it stands, delimiter and padding included, the way another sender might.
    static func body(sealing record: Data, for subscriber: Subscriber) throws -> Data {
        let sender = P256.KeyAgreement.PrivateKey()
        let salt = WebPushEncryption.randomSalt()
        let keys = try WebPushKeySchedule(
            privateKey: sender, peer: subscriber.privateKey.publicKey, authSecret: subscriber.authSecret,
            userAgentPublicKey: subscriber.publicKey, applicationServerPublicKey: sender.publicKey.x963Representation, salt: salt)
        let sealed = try AES.GCM.seal(
            record, using: SymmetricKey(data: keys.contentEncryptionKey), nonce: AES.GCM.Nonce(data: keys.nonce))
        let header = AES128GCMHeader(salt: salt, recordSize: 4096, senderPublicKey: sender.publicKey.x963Representation)
        return header.encoded + sealed.ciphertext + sealed.tag
    }

    @Test("Zero padding after the 0x02 delimiter is removed")
    func padding() throws {
        let subscriber = Subscriber()
        let body = try Self.body(sealing: Data("padded".utf8) + [0x02, 0, 0, 0, 0], for: subscriber)
        #expect(try subscriber.decrypt(body) == Data("padded".utf8))
    }

    @Test(
        "A record that does not end in the last-record delimiter is discarded",
        arguments: [[0x01], [0x01, 0, 0], [0x03], [], [0, 0]] as [[UInt8]])
    func badDelimiter(ending: [UInt8]) throws {
        let subscriber = Subscriber()
        let body = try Self.body(sealing: Data("text".utf8) + ending, for: subscriber)
        let record = Data("text".utf8) + ending
        // "text" itself ends in a non-zero octet that is not 0x02, so an absent delimiter is caught too.
        #expect(record.last(where: { $0 != 0 }) != 0x02)
        #expect(throws: WebPushError.invalidPadding) { try subscriber.decrypt(body) }
    }
}
