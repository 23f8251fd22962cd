import BackCoachCore
import Foundation
import Testing

@testable import BackCoachStorage

/// The in-place reader must say exactly what JSONDecoder says of every stored value, or step aside for it.
@Suite("PSFS ratings read in place")
struct PSFSRatingsTextTests {
    static let activities = [
        "Lifting baby from the cot", "", "Walking 20 minutes", #"Saying "no" to stairs"#, #"back\slash"#, "Tür öffnen 🚪",
        "line\nbreak", "tab\there", "a/b", "control \u{01}", "日本語", "  spaces  ",
    ]

    @Test("Whatever the app writes reads the same as JSONDecoder reads it")
    func sameAsDecoder() throws {
        var generator = SplitMix64(seed: 17)
        for round in 0..<500 {
            let count = Int(generator.next() % 4)
            let ratings = (0..<count).map { _ in
                PSFSRating(
                    activity: Self.activities[Int(generator.next() % UInt64(Self.activities.count))],
                    score: Int(generator.next() % 11) - (round % 50 == 0 ? 20 : 0))
            }
            let text = try JSONText.encode(ratings)
            #expect(try PSFSRatingsText.decode(text) == ratings, "\(text)")
            #expect(try PSFSRatingsText.decode(text) == JSONText.decode([PSFSRating].self, text))
        }
    }

    @Test(
        "Other spellings of the same JSON still read, and broken text is an error",
        arguments: [
            #"[ {"activity": "Walking", "score": 3} ]"#, #"[{"score":3,"activity":"Walking"}]"#,
            #"[{"activity":"Walk\u0069ng","score":3}]"#,
        ])
    func otherSpellings(text: String) throws {
        #expect(try PSFSRatingsText.decode(text) == [PSFSRating(activity: "Walking", score: 3)])
    }

    @Test(
        "Broken text is an error, not a guess",
        arguments: [#"[{"activity":"Walking","score":}]"#, "[", #"[{"activity":"x","score":3}"#, ""])
    func broken(text: String) {
        #expect(throws: (any Error).self) { try PSFSRatingsText.decode(text) }
    }
}

@Suite("PSFS ratings: the fast path is taken")
struct PSFSRatingsFastPathTests {
    @Test("What the app writes is read in place, not handed to JSONDecoder")
    func fastPathTaken() throws {
        let text = try JSONText.encode([
            PSFSRating(activity: "Lifting baby from the cot", score: 3), PSFSRating(activity: "Walking", score: 2),
        ])
        #expect(PSFSRatingsText.fastDecode(text) != nil, "\(text)")
        #expect(PSFSRatingsText.fastDecode("[]") == [])
    }
}
