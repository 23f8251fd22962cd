import BackCoachCLI
import BackCoachContent
import BackCoachCore
import Foundation

/// A terminal that answers from a script and records what was written.
final class ScriptedTerminal: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    private let stdin: Data
    private(set) var output = ""
    private(set) var errors = ""

    init(lines: [String] = [], stdin: String = "") {
        self.lines = lines
        self.stdin = Data(stdin.utf8)
    }

    var terminal: Terminal {
        Terminal(
            readLine: { [self] in lock.withLock { lines.isEmpty ? nil : lines.removeFirst() } },
            write: { [self] text in lock.withLock { output += text } },
            writeError: { [self] text in lock.withLock { errors += text } },
            readStandardInput: { [self] in stdin })
    }

    /// Runs `backcoach ARGS` on 2026-11-25 and returns the exit code.
    func run(_ arguments: [String], content folder: URL? = nil) async -> Int32 {
        let environment = CLIEnvironment(
            terminal: terminal, today: LocalDate("2026-11-25")!,
            loadContent: { try folder.map { try ContentLibrary.load(from: $0) } ?? ContentLibrary.bundled() })
        return await CLI.run(arguments, environment: environment)
    }
}

enum Sample {
    static let intake = """
        {"weeksSinceBirth": 6, "delivery": "vaginal", "clinicianCleared": false, "complications": [],
         "painAtRest": 4, "painWorsening": false, "painAreas": ["lowBack"], "redFlags": [], "pelvicFloor": [],
         "diastasisFingers": null, "glutes": ["clenching"], "pgpTests": [], "breastfeeding": true,
         "minutesPerDay": 10, "daysPerWeek": 4, "equipment": []}
        """

    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
