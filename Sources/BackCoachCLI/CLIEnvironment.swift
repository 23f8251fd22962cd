import BackCoachContent
import BackCoachCore
import Foundation

/// What a command may use: the terminal, today's date and the content (loaded on first use).
public struct CLIEnvironment: Sendable {
    public let terminal: Terminal
    public let today: LocalDate
    private let loadContent: @Sendable () throws -> ContentLibrary

    public init(terminal: Terminal, today: LocalDate, loadContent: @escaping @Sendable () throws -> ContentLibrary) {
        self.terminal = terminal
        self.today = today
        self.loadContent = loadContent
    }

    public func content() throws -> ContentLibrary {
        do {
            return try loadContent()
        } catch let error as ContentError {
            throw CLIError("the bundled content is invalid: \(error.message)")
        }
    }

    /// The content in an editor's folder given by `option`, validated as the app does at start-up; the bundled
    /// content when there is no folder.
    public func content(in folder: String?, option: String) throws -> ContentLibrary {
        guard let folder else { return try content() }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError("\(option) \(folder) is not a folder")
        }
        do {
            return try ContentLibrary.load(from: URL(fileURLWithPath: folder))
        } catch {
            throw CLIError("content is invalid: \(error.message)")
        }
    }

    /// Reads a file, or standard input when the path is "-".
    public func read(_ path: String) throws -> Data {
        if path == "-" { return terminal.readStandardInput() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path): no such file, or it is not readable")
        }
        return data
    }

    /// Parses intake JSON from a file or "-", naming the source in any error.
    public func intake(from path: String) throws -> IntakeAnswers {
        do {
            return try IntakeParser.parse(read(path))
        } catch let error as InputError {
            throw CLIError("\(path == "-" ? "standard input" : path): \(error.message)")
        }
    }

    public static func parseDate(_ text: String?, default fallback: LocalDate) throws -> LocalDate {
        guard let text else { return fallback }
        guard let date = LocalDate(text) else { throw CLIError("--start must be a date like 2026-11-25 (got \(text))") }
        return date
    }
}

/// A subcommand that produces its whole output before anything is printed, so a failure never half-prints.
protocol CLICommand {
    func execute(in environment: CLIEnvironment) throws -> String
}

/// The same for commands that talk to the database or run the server.
protocol AsyncCLICommand {
    func execute(in environment: CLIEnvironment) async throws -> String
}
