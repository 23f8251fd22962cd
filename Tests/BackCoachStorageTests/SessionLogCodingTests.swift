import BackCoachCore
import Foundation
import Testing

@testable import BackCoachStorage

@Suite("Session logs stored compressed")
struct SessionLogCodingTests {
    /// A session of 8 exercises as the seeded year has them: what most stored logs look like.
    static var typical: SessionLogCoding.Contents {
        get throws {
            let ids = [
                "diaphragmatic-breathing", "knee-rolls", "hip-switches-90-90", "glute-bridge", "clams", "pelvic-floor-training",
                "heel-slides", "open-book",
            ]
            let feedback = ids.map { ExerciseFeedback(exerciseID: $0, completed: true, difficulty: .right, painDuring: 2) }
            let decisions = try ids.map { id in
                try JSONText.decode(
                    ProgressionDecision.self,
                    #"{"action":"hold","exerciseID":"\#(id)","nextDose":{"holdSeconds":0,"perSide":true,"reps":5,"restSeconds":0,"#
                        + #""secondsPerRep":6,"sets":1},"nextExerciseID":"\#(id)","reason":"Good work. If your pain has settled by "#
                        + #"tomorrow morning, this counts toward the next step for Knee rolls.","rule":"5.2-4"}"#)
            }
            return SessionLogCoding.Contents(feedback: feedback, decisions: decisions)
        }
    }

    @Test("What goes in comes out, to the last symptom, morning and word of the reason")
    func roundTrip() throws {
        var contents = try Self.typical
        contents = SessionLogCoding.Contents(
            feedback: contents.feedback + [
                ExerciseFeedback(
                    exerciseID: "made-up-exercise", completed: false, difficulty: .tooHard, painDuring: 9, nextMorning: .notSettled,
                    symptoms: [.leaking, .heaviness])
            ], decisions: contents.decisions)
        #expect(try SessionLogCoding.decode(try SessionLogCoding.encode(contents)) == contents)
        let empty = SessionLogCoding.Contents(feedback: [], decisions: [])
        #expect(try SessionLogCoding.decode(try SessionLogCoding.encode(empty)) == empty)
    }

    @Test("A typical session takes under a sixth of its JSON")
    func size() throws {
        let contents = try Self.typical
        let json = try JSONText.encode(contents.feedback).utf8.count + JSONText.encode(contents.decisions).utf8.count
        let stored = try SessionLogCoding.encode(contents).count
        #expect(stored * 6 < json, "\(stored) bytes stored for \(json) bytes of JSON")
    }

    @Test("Anything else is refused, not misread")
    func corrupt() throws {
        let stored = try SessionLogCoding.encode(try Self.typical)
        #expect(throws: JSONText.CorruptValue.self) { try SessionLogCoding.decode(Data([9]) + stored.dropFirst()) }
        #expect(throws: JSONText.CorruptValue.self) { try SessionLogCoding.decode(stored.prefix(stored.count / 2)) }
        #expect(throws: JSONText.CorruptValue.self) { try SessionLogCoding.decode(Data()) }
    }

    @Test("The format-1 dictionary never changes: logs stored with it need exactly its bytes")
    func dictionaryFrozen() {
        // FNV-1a, 64 bits.
        let hash = SessionLogDictionary.v1.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        #expect(hash == 0xec2d9fe049295da2)
        #expect(SessionLogDictionary.v1.count == 3054)
    }
}
