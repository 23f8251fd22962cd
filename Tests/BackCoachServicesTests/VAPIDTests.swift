import Crypto
import Foundation
import Testing

@testable import BackCoachServices

@Suite("VAPID (RFC 8292)")
struct VAPIDTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let endpoint = URL(string: "https://push.example.net/push/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV")!
    static let subject = "mailto:ops@backcoach.example"

    /// The parts of an `Authorization: vapid t=..., k=...` value, decoded.
    struct Credential {
        let header: [String: Any]
        let claimsJSON: String
        let claims: [String: Any]
        let signingInput: String
        let signature: Data
        let publicKey: Data

        init(_ authorization: String) throws {
            let scheme = "vapid t="
            #expect(authorization.hasPrefix(scheme))
            let parameters = authorization.dropFirst(scheme.count).components(separatedBy: ", k=")
            try #require(parameters.count == 2)
            let parts = parameters[0].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            try #require(parts.count == 3)
            signingInput = parts[0] + "." + parts[1]
            let headerJSON = try #require(Base64URL.decode(parts[0]))
            header = try #require(try JSONSerialization.jsonObject(with: headerJSON) as? [String: Any])
            let claimsData = try #require(Base64URL.decode(parts[1]))
            claimsJSON = String(decoding: claimsData, as: UTF8.self)
            claims = try #require(try JSONSerialization.jsonObject(with: claimsData) as? [String: Any])
            signature = try #require(Base64URL.decode(parts[2]))
            publicKey = try #require(Base64URL.decode(parameters[1]))
        }
    }

    static func credential(
        endpoint: URL = endpoint, key: P256.Signing.PrivateKey = P256.Signing.PrivateKey(), expiresAt: Date = now + 12 * 3600
    ) throws -> Credential {
        try Credential(VAPID.authorization(endpoint: endpoint, subject: subject, privateKey: key, expiresAt: expiresAt, now: now))
    }

    @Test("The JWT header says JWT and ES256, and nothing else")
    func header() throws {
        let credential = try Self.credential()
        #expect(credential.header.count == 2)
        #expect(credential.header["typ"] as? String == "JWT")
        #expect(credential.header["alg"] as? String == "ES256")
    }

    @Test("The claims name the endpoint's origin, an integer expiry and the contact")
    func claims() throws {
        let credential = try Self.credential()
        #expect(credential.claims["aud"] as? String == "https://push.example.net")
        #expect(credential.claims["sub"] as? String == Self.subject)
        #expect(credential.claimsJSON.contains(#""exp":1700043200"#), "exp is whole seconds: \(credential.claimsJSON)")
        #expect((credential.claims["exp"] as? NSNumber)?.intValue == 1_700_043_200)
        #expect(credential.claims.count == 3)
    }

    @Test(
        "The audience is scheme and host, with the port only when it is not the default",
        arguments: [
            ("https://push.example.net/push/abc?x=1#frag", "https://push.example.net"),
            ("https://push.example.net:8443/push/abc", "https://push.example.net:8443"),
            ("https://push.example.net:443/push/abc", "https://push.example.net"),
            ("https://Updates.Push.Services.Mozilla.COM/wpush/v2/gAAAA", "https://updates.push.services.mozilla.com"),
            ("http://127.0.0.1:8080/push/1", "http://127.0.0.1:8080"),
            ("http://localhost:80/push/1", "http://localhost"),
            ("https://user:pass@fcm.googleapis.com/fcm/send/x", "https://fcm.googleapis.com"),
        ])
    func audience(endpoint: String, origin: String) throws {
        let url = try #require(URL(string: endpoint))
        #expect(try VAPID.audience(of: url) == origin)
        #expect(try Self.credential(endpoint: url).claims["aud"] as? String == origin)
    }

    @Test("An endpoint without an http(s) origin is refused", arguments: ["mailto:push@example.net", "file:///tmp/push", "/push/relative"])
    func noOrigin(endpoint: String) throws {
        let url = try #require(URL(string: endpoint))
        #expect(throws: VAPIDError.endpointHasNoOrigin) { try VAPID.audience(of: url) }
    }

    @Test("An expiry up to 24 hours ahead is accepted; later, or already past, is refused")
    func expiry() throws {
        let key = P256.Signing.PrivateKey()
        _ = try Self.credential(key: key, expiresAt: Self.now + 24 * 3600)
        _ = try Self.credential(key: key, expiresAt: Self.now + 1)
        for bad in [Self.now + 24 * 3600 + 1, Self.now + 7 * 24 * 3600, Self.now, Self.now - 60] {
            #expect(throws: VAPIDError.invalidExpiry) {
                try VAPID.authorization(endpoint: Self.endpoint, subject: Self.subject, privateKey: key, expiresAt: bad, now: Self.now)
            }
        }
    }

    @Test(
        "The subject must be a mailto: or https: contact", arguments: ["ops@backcoach.example", "", "mailto:", "http://backcoach.example"])
    func subject(bad: String) {
        #expect(throws: VAPIDError.invalidSubject) {
            try VAPID.authorization(
                endpoint: Self.endpoint, subject: bad, privateKey: P256.Signing.PrivateKey(), expiresAt: Self.now + 60, now: Self.now)
        }
    }

    @Test("https: contacts are accepted as well as mailto:")
    func httpsSubject() throws {
        let header = try VAPID.authorization(
            endpoint: Self.endpoint, subject: "https://backcoach.example/contact", privateKey: P256.Signing.PrivateKey(),
            expiresAt: Self.now + 60, now: Self.now)
        #expect(try Credential(header).claims["sub"] as? String == "https://backcoach.example/contact")
    }

    @Test("k is the 65-octet uncompressed public key, and the ES256 signature over header.claims verifies with it")
    func signature() throws {
        let key = P256.Signing.PrivateKey()
        let credential = try Self.credential(key: key)
        #expect(credential.publicKey.count == 65)
        #expect(credential.publicKey.first == 0x04)
        #expect(credential.publicKey == key.publicKey.x963Representation)
        #expect(credential.signature.count == 64)
        let publicKey = try P256.Signing.PublicKey(x963Representation: credential.publicKey)
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: credential.signature)
        #expect(publicKey.isValidSignature(signature, for: Data(credential.signingInput.utf8)))
        #expect(!publicKey.isValidSignature(signature, for: Data((credential.signingInput + "x").utf8)))
        let stranger = P256.Signing.PrivateKey().publicKey
        #expect(!stranger.isValidSignature(signature, for: Data(credential.signingInput.utf8)))
    }

    @Test("The private key exports as 32 raw octets and imports back to the same key pair")
    func rawPrivateKey() throws {
        let key = VAPIDKeys.generate()
        let raw = VAPIDKeys.rawPrivateKey(key)
        #expect(raw.count == 32)
        let restored = try VAPIDKeys.privateKey(raw: raw)
        #expect(restored.rawRepresentation == raw)
        #expect(restored.publicKey.x963Representation == key.publicKey.x963Representation)
        // A token signed by the restored key verifies with the original public key.
        let credential = try Self.credential(key: restored)
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: credential.signature)
        #expect(key.publicKey.isValidSignature(signature, for: Data(credential.signingInput.utf8)))
    }

    @Test("A stored key of the wrong length, or no valid scalar, is refused")
    func badRawPrivateKey() {
        let order = Data(Base64URL.decode("_____wAAAAD__________7zm-q2nF56E87nKwvxjJVE")!)  // n, the group order of P-256
        for bad in [Data(), Data(count: 31), Data(count: 33), Data(count: 32), order] {
            #expect(throws: VAPIDError.invalidPrivateKey) { try VAPIDKeys.privateKey(raw: bad) }
        }
    }

    @Test("The applicationServerKey for browsers is the same base64url as k")
    func applicationServerKey() throws {
        let key = VAPIDKeys.generate()
        let text = VAPIDKeys.applicationServerKey(key.publicKey)
        #expect(text.count == 87)
        #expect(!text.contains("="))
        #expect(Base64URL.decode(text) == key.publicKey.x963Representation)
        #expect(try Self.credential(key: key).publicKey == Base64URL.decode(text))
    }
}
