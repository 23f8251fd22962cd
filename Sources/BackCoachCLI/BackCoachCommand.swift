import ArgumentParser
import BackCoachContent
import BackCoachCore
import BackCoachServices
import Foundation

/// The root of `backcoach`. Subcommands produce their whole output, then `CLI.run` prints it once.
public struct BackCoachCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "backcoach",
        abstract: "BackCoach: a gentle, safety-first coach for back and pelvic pain after birth.",
        discussion: "Education, not medical advice. Start the app with `backcoach serve`, or try `backcoach assess` in the terminal.",
        subcommands: [
            ServeCommand.self, AssessCommand.self, TriageCommand.self, PlanCommand.self, ExercisesCommand.self, LearnCommand.self,
            SearchCommand.self, CatalogueCommand.self, MigrateCommand.self, UserCommand.self, ClinicianCommand.self, BackupCommand.self,
            RestoreCommand.self,
            SeedCommand.self,
        ]
    )

    public init() {}
}

public enum CLI {
    /// `help NAME …` and `NAME … --help` print the help of the command named (the parser alone answered both with
    /// the help of `help` itself).
    static func helpText(for arguments: [String]) -> String? {
        guard arguments.first == "help" || arguments.contains("--help") || arguments.contains("-h") else { return nil }
        var command: ParsableCommand.Type = BackCoachCommand.self
        for name in arguments.drop(while: { $0 == "help" }) where !name.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == name }) else { break }
            command = sub
        }
        return BackCoachCommand.helpMessage(for: command)
    }

    /// Exit code for input the user can fix (bad file, bad JSON, bad option).
    public static let inputErrorCode: Int32 = 2

    /// Runs one command line and returns its exit code.
    public static func run(_ arguments: [String], environment: CLIEnvironment) async -> Int32 {
        let terminal = environment.terminal
        if let help = helpText(for: arguments) {
            terminal.write(help + "\n")
            return 0
        }
        let command: ParsableCommand
        do {
            command = try BackCoachCommand.parseAsRoot(arguments)
        } catch {
            let code = BackCoachCommand.exitCode(for: error)
            if code == .success {
                terminal.write(BackCoachCommand.fullMessage(for: error) + "\n")
                return 0
            }
            terminal.writeError("backcoach: \(BackCoachCommand.message(for: error).split(separator: "\n").first ?? "")\n")
            return inputErrorCode
        }
        do {
            if let runnable = command as? CLICommand {
                terminal.write(try runnable.execute(in: environment))
            } else if let runnable = command as? AsyncCLICommand {
                terminal.write(try await runnable.execute(in: environment))
            } else {
                terminal.write(BackCoachCommand.helpMessage(for: type(of: command)) + "\n")
            }
            return 0
        } catch let error as CLIError {
            terminal.writeError("backcoach: \(error.message)\n")
            return inputErrorCode
        } catch let error as ServiceError {
            terminal.writeError("backcoach: \(error.message)\n")
            return inputErrorCode
        } catch {
            terminal.writeError("backcoach: \(error)\n")
            return 1
        }
    }
}
