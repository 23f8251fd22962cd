import BackCoachContent
import BackCoachCore
import Foundation
import Testing

/// The intake wizard is built from questions.json: an edited copy changes what the web asks, and a copy the
/// wizard could not show is refused when it loads, naming the problem, instead of crashing a page.
@Suite("The intake wizard comes from content")
struct WizardContentTests {
    /// A copy of the bundled content with questions.json changed by `edit`.
    static func editedContent(_ edit: (String) -> String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ContentLibrary.bundledFolder!, to: folder)
        let file = folder.appendingPathComponent("questions.json")
        try edit(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        return folder
    }

    /// The safety question names the web wizard shows, step by step, answering "no" to each until the topics start.
    static func safetyQuestionsAsked(_ app: TestApp) async throws -> [String] {
        let browser = Browser(app)
        try await browser.get("/signup")
        _ = try await browser.post("/signup", [("email", "wizard-\(UUID())@example.test"), ("password", "correct horse battery")])
        var page = try await browser.get("/start").text
        var asked: [String] = []
        var answers: [(String, String)] = []
        for step in 0..<4 {
            let names = Browser.safetyFields(in: page)
            guard !names.isEmpty else { break }
            // One entry per flag: a flag asked in parts (rf.RF-10.1 …) counts once; follow-ups aren't flags.
            for name in names where name.hasPrefix("rf.") {
                let flag = String(name.prefix(8))
                if !asked.contains(flag) { asked.append(flag) }
            }
            answers += names.map { ($0, "no") }
            page = try await browser.submit("/start", [("step", String(step)), ("nav", "next")] + answers).text
        }
        return asked
    }

    @Test("Removing or adding a safety question changes exactly what the wizard asks")
    func editedQuestions() async throws {
        let removed = try Self.editedContent {
            $0.replacingOccurrences(of: #""RF-09", "#, with: "").replacingOccurrences(
                of: #""safetyQuestions": 9"#, with: #""safetyQuestions": 8"#)
        }
        let fewer = try ContentLibrary.load(from: removed)
        try await TestApp.run(content: fewer) { app in
            let asked = try await Self.safetyQuestionsAsked(app)
            #expect(asked == fewer.questions.redFlagsAskedAtIntake.map { "rf.\($0.rawValue)" })
            #expect(asked.count == 16 && !asked.contains("rf.RF-09"))
        }
        let added = try Self.editedContent {
            $0.replacingOccurrences(of: #""RF-18", "#, with: #""RF-16", "RF-18", "#)
                .replacingOccurrences(of: #""safetyQuestions": 8"#, with: #""safetyQuestions": 9"#)
        }
        let more = try ContentLibrary.load(from: added)
        try await TestApp.run(content: more) { app in
            let asked = try await Self.safetyQuestionsAsked(app)
            #expect(asked == more.questions.redFlagsAskedAtIntake.map { "rf.\($0.rawValue)" })
            #expect(asked.count == 18 && asked.contains("rf.RF-16"))
        }
    }

    static let unshowable: [(String, String, String)] = [
        (#""RF-09", "#, "", "the safety steps ask 17 questions but redFlagsAskedAtIntake lists 16"),
        (#""topic": "time" }"#, #""topic": "elsewhere" }"#, "no question has topic elsewhere"),
        (#"{ "title": "Daily life", "topic": "dailyLife" },"#, "", "breastfeeding has topic dailyLife, which no step shows"),
        (#""safetyQuestions": 8"#, #""safetyQuestions": 0"#, "must ask at least one safety question"),
        (#""RF-02", "#, #""RF-02", "RF-02", "#, "lists a question twice"),
    ]

    @Test("A question set the wizard can't show is refused at load, naming the problem", arguments: unshowable)
    func refused(find: String, replace: String, message: String) throws {
        let folder = try Self.editedContent { $0.replacingOccurrences(of: find, with: replace) }
        do {
            _ = try ContentLibrary.load(from: folder)
            Issue.record("loaded a question set the wizard can't show")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
