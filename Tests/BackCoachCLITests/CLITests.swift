import BackCoachContent
import BackCoachCore
import Foundation
import Testing

@Suite("backcoach CLI")
struct CLITests {
    @Test("plan prints the triage and a week's plan")
    func planText() async throws {
        let shell = ScriptedTerminal()
        #expect(await shell.run(["plan", try Sample.file(Sample.intake), "--start", "2026-11-25"]) == 0)
        #expect(shell.output.contains("YOUR PLAN · Phase 1"))
        #expect(shell.output.contains("Session 4"))
        #expect(shell.output.contains("education, not medical advice"))
        #expect(shell.errors.isEmpty)
    }

    @Test("plan --json is the assessment as data, read from standard input")
    func planJSON() async throws {
        let shell = ScriptedTerminal(stdin: Sample.intake)
        #expect(await shell.run(["plan", "-", "--json", "--start", "2026-11-25"]) == 0)
        let assessment = try JSONDecoder().decode(Assessment.self, from: Data(shell.output.utf8))
        #expect(assessment.program?.sessions.count == 4)
        #expect(assessment.program?.startDate == LocalDate("2026-11-25"))
    }

    @Test("An emergency flag withholds the plan and says what to do now")
    func emergency() async throws {
        let shell = ScriptedTerminal(stdin: Sample.intake.replacingOccurrences(of: #""redFlags": []"#, with: #""redFlags": ["RF-10"]"#))
        #expect(await shell.run(["plan", "-", "--json"]) == 0)
        let assessment = try JSONDecoder().decode(Assessment.self, from: Data(shell.output.utf8))
        #expect(assessment.program == nil)
        #expect(assessment.triage.level == .emergency)
        #expect(assessment.triage.flags[0].advice.contains("emergency"))
    }

    @Test("triage --json matches the documented shape")
    func triageJSON() async throws {
        let shell = ScriptedTerminal(stdin: Sample.intake.replacingOccurrences(of: #""redFlags": []"#, with: #""redFlags": ["RF-18"]"#))
        #expect(await shell.run(["triage", "-", "--json"]) == 0)
        let object = try JSONSerialization.jsonObject(with: Data(shell.output.utf8)) as! [String: Any]
        #expect(object["level"] as? String == "nextAppointment")
        #expect(object["programAllowed"] as? Bool == true)
        let flag = (object["flags"] as! [[String: Any]])[0]
        #expect(flag["id"] as? String == "RF-18" && flag["level"] as? String == "nextAppointment" && flag["advice"] is String)
    }

    static let badInput: [([String], String, String)] = [
        (["triage", "-"], #"{"weeksSinceBirth": 6}"#, "backcoach: standard input: delivery is required"),
        (["triage", "-"], "not json", "backcoach: standard input: the input is not valid JSON"),
        (["plan", "/no/such/file.json"], "", "backcoach: cannot read /no/such/file.json"),
        (["search", "--country", "Narnia", "fever"], "", "backcoach: --country: Please choose your country"),
        (["plan", "-", "--start", "tomorrow"], Sample.intake, "backcoach: --start must be a date like 2026-11-25 (got tomorrow)"),
        (["plan", "-", "--pain-ceiling", "11"], Sample.intake, "backcoach: --pain-ceiling must be a whole number from 0 to 10"),
        (["plan", "-", "--frobnicate"], Sample.intake, "backcoach: Unknown option '--frobnicate'"),
        (["exercises", "no-such-thing"], "", "backcoach: no exercise with id \"no-such-thing\""),
        (["learn", "no-such-article"], "", "backcoach: no article called \"no-such-article\""),
        (["exercises", "--svg"], "", "backcoach: --svg needs an exercise id"),
        (["exercises", "moonwalk", "--svg"], "", "backcoach: no exercise with id \"moonwalk\""),
        (["exercises", "clams", "--still"], "", "backcoach: --still and --content go with --svg"),
        (["exercises", "clams", "--svg", "--content", "/no/such/folder"], "", "backcoach: --content /no/such/folder is not a folder"),
        (["search", "--limit", "0", "bridge"], "", "backcoach: --limit must be from 1 to 50"),
        (["catalogue", "validate", "--path", "/no/such/folder"], "", "backcoach: --path /no/such/folder is not a folder"),
    ]

    @Test("Invalid input → exit code 2, one line naming the problem, nothing half-printed", arguments: badInput)
    func rejects(arguments: [String], stdin: String, message: String) async {
        let shell = ScriptedTerminal(stdin: stdin)
        #expect(await shell.run(arguments) == 2)
        #expect(shell.errors.hasPrefix(message), "\(shell.errors)")
        #expect(shell.errors.filter { $0 == "\n" }.count == 1)
        #expect(shell.output.isEmpty)
    }

    @Test("assess asks the red flags first and stops with advice on an urgent answer")
    func assessStops() async {
        // RF-02 (swollen leg) yes; the other 15 flags take 21 answers, RF-10 being asked in seven parts.
        let shell = ScriptedTerminal(lines: ["n", "y"] + Array(repeating: "n", count: 21))
        #expect(await shell.run(["assess"]) == 0)
        #expect(shell.output.contains("Please get help today"))
        #expect(!shell.output.contains("How many weeks ago"), "no further questions after an urgent flag")
        #expect(!shell.output.contains("YOUR PLAN"))
    }

    @Test("search answers a crisis with help and her country's numbers, as the app does, and offers no exercise")
    func crisisSearch() async {
        let shell = ScriptedTerminal()
        #expect(await shell.run(["search", "--country", "gb", "kill", "myself"]) == 0)
        #expect(shell.output.contains("THOUGHTS OF HARMING YOURSELF") && shell.output.contains("116 123  Samaritans"))
        #expect(shell.output.contains("999  Emergency") && !shell.output.contains("[exercise]"))
        let json = ScriptedTerminal()
        #expect(await json.run(["search", "--json", "self", "harm"]) == 0)
        #expect(json.output.contains(#""help""#) && json.output.contains("local emergency number"), "no country: the fallback words")
    }

    @Test("triage --country prints that country's numbers under a result that withholds the plan")
    func triageNumbers() async {
        let shell = ScriptedTerminal(stdin: Sample.intake.replacingOccurrences(of: #""redFlags": []"#, with: #""redFlags": ["RF-02"]"#))
        #expect(await shell.run(["triage", "-", "--country", "NZ"]) == 0)
        #expect(shell.output.contains("WHO TO CALL IN NEW ZEALAND") && shell.output.contains("111  Emergency"))
        #expect(shell.output.contains("0800 611 116"), "Healthline, the urgent line")
    }

    @Test("assess asks RF-10 in parts: one \"not sure\" is an emergency, and a follow-up's yes raises an urgent flag")
    func assessParts() async {
        // RF-01 to RF-09 no, then the first part of RF-10 not sure.
        let parts = ScriptedTerminal(lines: Array(repeating: "n", count: 9) + ["?"])
        #expect(await parts.run(["assess", "--country", "IE"]) == 0)
        #expect(parts.output.contains("GET HELP NOW") && parts.output.contains("112"))
        // RF-06 yes, then "confused or blotchy skin…" yes: an emergency at once.
        let sepsis = ScriptedTerminal(lines: Array(repeating: "n", count: 5) + ["y", "y"])
        #expect(await sepsis.run(["assess"]) == 0)
        #expect(sepsis.output.contains("confused") && sepsis.output.contains("GET HELP NOW") && sepsis.output.contains("sepsis"))
    }

    @Test("assess treats \"not sure\" as yes, and an emergency answer stops the questions at once")
    func assessNotSure() async {
        let shell = ScriptedTerminal(lines: ["?"])  // RF-01 not sure → emergency
        #expect(await shell.run(["assess"]) == 0)
        #expect(shell.output.contains("GET HELP NOW"))
        #expect(!shell.output.contains("Is one leg swollen"), "no second question after an emergency answer")
    }

    @Test("assess walks through the intake, re-asks bad answers, saves them and prints the plan")
    func assessComplete() async throws {
        let answersFile = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).json").path
        let flags = Array(repeating: "n", count: 23)  // 17 flags, RF-10 in seven parts
        let intake = ["", "99999", "8", "3", "", "y", "3", "n", "1,2", "1", "", "", "", "1", "y", "10", "3", "1,2"]
        let shell = ScriptedTerminal(lines: flags + intake)
        #expect(await shell.run(["assess", "--answers-out", answersFile, "--start", "2026-11-25"]) == 0)
        #expect(shell.output.contains("Please type a whole number from 0–520."))
        #expect(shell.output.contains("YOUR PLAN · Phase 2"))
        let saved = try IntakeParser.parse(Data(contentsOf: URL(fileURLWithPath: answersFile)))
        #expect(saved.weeksSinceBirth == 8 && saved.delivery == .caesarean && saved.pgpTests == [.oneLegStanding])
        #expect(saved.equipment == [.miniBand, .cushion])
    }

    @Test("assess fails cleanly when the input ends early")
    func assessEOF() async {
        let shell = ScriptedTerminal(lines: ["n"])
        #expect(await shell.run(["assess"]) == 2)
        #expect(shell.errors == "backcoach: the input ended before all questions were answered\n")
    }

    @Test("exercises ID --svg writes the figure; --still the start and end side by side; --content draws an edited pose")
    func figure() async throws {
        let animated = ScriptedTerminal()
        #expect(await animated.run(["exercises", "glute-bridge", "--svg"]) == 0)
        #expect(animated.output.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && animated.output.contains("<animate"))
        let still = ScriptedTerminal()
        #expect(await still.run(["exercises", "glute-bridge", "--svg", "--still"]) == 0)
        #expect(!still.output.contains("<animate") && still.output.hasSuffix("</svg>\n"))

        // An editor's copy with the bridge lifted higher draws differently; a pose out of range is refused.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ContentLibrary.bundledFolder!, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("figures.json")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: #""pitch": -110"#, with: #""pitch": -120"#).write(to: file, atomically: true, encoding: .utf8)
        let edited = ScriptedTerminal()
        #expect(await edited.run(["exercises", "glute-bridge", "--svg", "--content", folder.path]) == 0)
        #expect(edited.output != animated.output && edited.output.hasPrefix("<svg"))
        try original.replacingOccurrences(of: #""knee": 95"#, with: #""knee": 195"#).write(to: file, atomically: true, encoding: .utf8)
        let broken = ScriptedTerminal()
        #expect(await broken.run(["exercises", "glute-bridge", "--svg", "--content", folder.path]) == 2)
        #expect(broken.errors.contains("knee 195.0 is outside 0…160"), "\(broken.errors)")
    }

    @Test("exercises, learn and search show content as text and JSON")
    func contentCommands() async throws {
        let list = ScriptedTerminal()
        #expect(await list.run(["exercises"]) == 0)
        #expect(list.output.contains("glute-bridge — Glute bridge"))
        let one = ScriptedTerminal()
        #expect(await one.run(["exercises", "clams"]) == 0)
        #expect(one.output.contains("Harder: Banded clams") && one.output.contains("Easier: Inner-thigh squeeze"))
        let json = ScriptedTerminal()
        #expect(await json.run(["exercises", "clams", "--json"]) == 0)
        #expect(try JSONDecoder().decode(Exercise.self, from: Data(json.output.utf8)).ref == "C2")
        let article = ScriptedTerminal()
        #expect(await article.run(["learn", "diastasis-self-test"]) == 0)
        #expect(article.output.contains("CHECKING YOUR TUMMY GAP"))
        let search = ScriptedTerminal()
        #expect(await search.run(["search", "glute", "brige"]) == 0)
        #expect(search.output.hasPrefix("[exercise] glute-bridge"))
    }

    @Test("catalogue validate reports the content it checked")
    func validate() async {
        let shell = ScriptedTerminal()
        #expect(await shell.run(["catalogue", "validate"]) == 0)
        #expect(shell.output.contains("Content is valid"))
        #expect(shell.output.contains("19 red flags"))
        #expect(shell.output.contains("33 exercise figures, the largest"))
    }

    @Test("catalogue validate refuses a figure that has grown past 4 KB, naming it")
    func validateFigureSize() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ContentLibrary.bundledFolder!, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("figures.json")
        var figures = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: [String: Any]]
        // Open book swinging its arm back and forth four times: many frames for every moving part.
        let open: [String: Any] = [
            "name": "open", "leftArm": ["flexion": 90, "abduction": 150], "rightArm": ["flexion": 90], "upperBackTurn": 40,
        ]
        let closed: [String: Any] = ["name": "closed", "arms": ["flexion": 90]]
        figures["open-book"]!["poses"] = (0..<8).map { index in
            var pose = index.isMultiple(of: 2) ? closed : open
            pose["name"] = "position \(index)"
            return pose
        }
        try JSONSerialization.data(withJSONObject: figures).write(to: file)
        let shell = ScriptedTerminal()
        #expect(await shell.run(["catalogue", "validate", "--path", folder.path]) == 2)
        #expect(shell.errors.hasPrefix("backcoach: figure open-book is "), "\(shell.errors)")
        #expect(shell.errors.contains("bytes of SVG; keep figures within 4096"))
    }

    @Test("--help prints usage and exits 0")
    func help() async {
        let shell = ScriptedTerminal()
        #expect(await shell.run(["--help"]) == 0)
        #expect(shell.output.contains("USAGE: backcoach"))
        let plain = ScriptedTerminal()
        #expect(await plain.run([]) == 0)
        #expect(plain.output.contains("SUBCOMMANDS"))
    }
}
