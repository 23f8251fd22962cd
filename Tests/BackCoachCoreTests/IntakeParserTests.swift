import BackCoachCore
import Foundation
import Testing

@Suite("Intake parsing")
struct IntakeParserTests {
    static let example = """
        {"weeksSinceBirth": 6, "delivery": "vaginal", "clinicianCleared": false, "complications": [],
         "painAtRest": 4, "painWorsening": false, "painAreas": ["lowBack"], "redFlags": [], "pelvicFloor": [],
         "diastasisFingers": null, "glutes": ["clenching"], "pgpTests": [], "breastfeeding": true,
         "minutesPerDay": 10, "daysPerWeek": 4, "equipment": []}
        """

    @Test("The documented example parses to the expected answers")
    func documentedExample() throws {
        let answers = try IntakeParser.parse(Data(Self.example.utf8))
        #expect(
            answers
                == IntakeAnswers(
                    weeksSinceBirth: 6, delivery: .vaginal, painAtRest: 4, painAreas: [.lowBack], glutes: [.clenching],
                    breastfeeding: true, minutesPerDay: 10, daysPerWeek: 4))
    }

    @Test("Only the required fields are needed; the rest default safely")
    func minimal() throws {
        let answers = try IntakeParser.parse(
            Data(#"{"weeksSinceBirth":0,"delivery":"caesarean","painAtRest":0,"minutesPerDay":5,"daysPerWeek":1}"#.utf8))
        #expect(answers.clinicianCleared == false)
        #expect(answers.redFlags.isEmpty && answers.equipment.isEmpty && answers.diastasisFingers == nil)
    }

    @Test("Saved answers parse back to the same value")
    func roundTrip() throws {
        let answers = IntakeAnswers.fixture(
            redFlags: [.rf17, .rf02], pelvicFloor: [.leaking], diastasis: 3, equipment: [.chair, .miniBand])
        let data = try JSONEncoder().encode(answers)
        #expect(try IntakeParser.parse(data) == answers)
    }

    static let invalid: [(String, String)] = [
        (#"{"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3}"#, "weeksSinceBirth or birthDate is required"),
        (
            #"{"weeksSinceBirth":521,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3}"#,
            "weeksSinceBirth must be a whole number from 0 to 520 (got 521)"
        ),
        (
            #"{"weeksSinceBirth":-1,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3}"#,
            "weeksSinceBirth must be a whole number from 0 to 520 (got -1)"
        ),
        (
            #"{"weeksSinceBirth":2.5,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3}"#,
            "weeksSinceBirth must be a whole number from 0 to 520 (got 2.5)"
        ),
        (
            #"{"weeksSinceBirth":"6","delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3}"#,
            "weeksSinceBirth must be a whole number from 0 to 520 (got text)"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"home","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3}"#,
            "delivery must be one of vaginal, assisted, caesarean (got \"home\")"
        ),
        (
            #"{"weeksSinceBirth":6,"painAtRest":1,"minutesPerDay":10,"daysPerWeek":3}"#,
            "delivery is required: one of vaginal, assisted, caesarean"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":11,"minutesPerDay":10,"daysPerWeek":3}"#,
            "painAtRest must be a whole number from 0 to 10 (got 11)"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":4,"daysPerWeek":3}"#,
            "minutesPerDay must be a whole number from 5 to 30 (got 4)"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":8}"#,
            "daysPerWeek must be a whole number from 1 to 7 (got 8)"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"diastasisFingers":7}"#,
            "diastasisFingers must be a whole number from 0 to 6 (got 7)"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"clinicianCleared":"yes"}"#,
            "clinicianCleared must be true or false (got text)"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"redFlags":["RF-20"]}"#,
            "redFlags must be one of"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"redFlags":"RF-01"}"#,
            "redFlags must be a list of"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"painAreas":["knee"]}"#,
            "painAreas must be one of lowBack, pelvicBack, pubic, hip, upperBack, neck (got \"knee\")"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"equipment":[3]}"#,
            "equipment must be one of miniBand, cushion, chair, wall, doorway (got a number)"
        ),
        (
            #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"mood":"ok"}"#,
            "unknown field \"mood\""
        ),
        (#"[1,2]"#, "the intake must be a JSON object"),
        (#"{"weeksSinceBirth":"#, "the input is not valid JSON"),
    ]

    @Test("Bad input is rejected with a message naming the field and what is allowed", arguments: invalid)
    func rejects(json: String, message: String) {
        #expect {
            _ = try IntakeParser.parse(Data(json.utf8))
        } throws: { error in
            (error as? InputError)?.message.hasPrefix(message) == true
        }
    }

    @Test("Repeated list items fold into one")
    func duplicatesFold() throws {
        let answers = try IntakeParser.parse(
            Data(
                #"{"weeksSinceBirth":6,"delivery":"vaginal","painAtRest":1,"minutesPerDay":10,"daysPerWeek":3,"redFlags":["RF-17","RF-17"]}"#
                    .utf8))
        #expect(answers.redFlags == [.rf17])
    }
}
