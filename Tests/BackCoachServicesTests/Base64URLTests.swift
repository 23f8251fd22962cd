import Foundation
import Testing

@testable import BackCoachServices

@Suite("Base64url without padding")
struct Base64URLTests {
    @Test("Encodes with - and _ and no padding, as RFC 4648 §5 and §10's vectors give them")
    func encodes() {
        // RFC 4648 §10, padding removed.
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(Base64URL.encode(Data(plain.utf8)) == encoded)
            #expect(Base64URL.decode(encoded) == Data(plain.utf8))
        }
        #expect(Base64URL.encode(Data([0xfb, 0xff, 0xbf])) == "-_-_")
    }

    @Test("Decodes with or without padding")
    func padding() {
        #expect(Base64URL.decode("Zm8=") == Data("fo".utf8))
        #expect(Base64URL.decode("Zg==") == Data("f".utf8))
        #expect(Base64URL.decode("-_-_") == Data([0xfb, 0xff, 0xbf]))
    }

    @Test("Refuses what is not base64url", arguments: ["+/+/", "Zm9v!", "Z", "Zm9vY", "Zg=", "Zg===", "Zm8==", "Zm 9v", "="])
    func refuses(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("Random bytes survive the round trip", arguments: 0..<40)
    func roundTrip(length: Int) {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let text = Base64URL.encode(bytes)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64URL.decode(text) == bytes)
    }
}
