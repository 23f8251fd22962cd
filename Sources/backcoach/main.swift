import BackCoachCLI
import BackCoachContent
import BackCoachCore
import Foundation

let environment = CLIEnvironment(terminal: .standard, today: LocalDate(Date()), loadContent: { try ContentLibrary.bundled() })
exit(await CLI.run(Array(CommandLine.arguments.dropFirst()), environment: environment))
