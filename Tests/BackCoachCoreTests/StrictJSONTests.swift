import BackCoachCore
import Foundation
import Testing

@Suite("Strict JSON")
struct StrictJSONTests {
    static let refused: [(String, String)] = [
        (#"{"pain": 3,}"#, "expected a key"), (#"[1, 2,]"#, "a comma before ]"), (#"{"pain": 3, "pain": 9}"#, "\"pain\" appears twice"),
        (#"{"pain": 3, "p\u0061in": 9}"#, "\"pain\" appears twice"), (#"{"a": 1} x"#, "something follows"), ("{'a': 1}", "expected a key"),
        (#"{"a": 01}"#, "expected ',' or '}'"), (#"{"a": "x\#u{1}y"}"#, "control character"), (#"{"a": NaN}"#, "unexpected character"),
        (#"// note"#, "unexpected character"),
    ]

    @Test("Refused: trailing commas, duplicate keys (also spelled with escapes), trailing text, single quotes", arguments: refused)
    func refuses(text: String, message: String) {
        #expect {
            try StrictJSON.validate(Array(text.utf8))
        } throws: { error in
            (error as? InputError)?.message.contains(message) == true
        }
    }

    @Test("UTF-16 and a byte-order mark are refused; UTF-8 text, escapes, numbers and nesting are read")
    func encodings() throws {
        #expect(throws: InputError.self) { try StrictJSON.validate(Array(#"{"a":1}"#.data(using: .utf16)!)) }
        #expect(throws: InputError.self) { try StrictJSON.validate([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8)) }
        try StrictJSON.validate(Array(#"{"note": "Café \"ok\" \u00e9 \n", "n": [-0.5e+3, 0, 12], "o": {"p": [true, false, null]}}"#.utf8))
        #expect(throws: InputError.self) { try StrictJSON.validate(Array(String(repeating: "[", count: 100).utf8)) }
    }
}
