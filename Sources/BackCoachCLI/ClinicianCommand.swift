import ArgumentParser
import BackCoachServices
import Foundation

/// `backcoach clinician create EMAIL --name … --profession …`: an operator makes a clinician's account.
struct ClinicianCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinician", abstract: "Manage clinician accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand, AsyncCLICommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a clinician's account; prints an API token and, without --password-stdin, a first password (each shown once)."
        )

        @Argument(help: "The clinician's e-mail address.")
        var email: String
        @Option(help: "Their name, as mothers will see it.")
        var name: String
        @Option(help: "Their profession, e.g. \"Pelvic-health physiotherapist\".")
        var profession: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password (10+ characters) from standard input.")
        var passwordFromStdin = false
        @OptionGroup var options: ServerOptions

        func execute(in environment: CLIEnvironment) async throws -> String {
            let typed =
                passwordFromStdin
                ? String(decoding: environment.terminal.readStandardInput(), as: UTF8.self).trimmingCharacters(in: .newlines) : nil
            let password = typed ?? String(Secrets.random().prefix(20))
            // The sign-up rules, checked before any database is opened.
            _ = try AccountService.validate(email: email, password: password, checkStrength: true)
            _ = try AccountService.checkedLabel(name, field: "name", what: "the name")
            _ = try AccountService.checkedLabel(profession, field: "profession", what: "the profession")
            let config = try await options.config()
            return try await options.withServices(config, content: try environment.content()) { services in
                let user = try await services.accounts.signUp(email: email, password: password, clinician: (name, profession))
                let token = try await services.accounts.issueToken(for: user.id)
                var lines = [
                    "Created clinician \(user.displayName ?? name), \(user.profession ?? profession) <\(user.email)> (id \(user.id))."
                ]
                if typed == nil { lines.append("First password (shown once; they sign in at /signin with it): \(password)") }
                lines += ["API token (shown once, keep it safe):", token]
                return lines.joined(separator: "\n") + "\n"
            }
        }
    }
}
