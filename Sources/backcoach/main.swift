import BackCoachCLI
import BackCoachContent
import BackCoachCore
import Foundation

// "Today" on the command line is the date where the computer is, as its clock shows it.
let environment = CLIEnvironment(terminal: .standard, today: LocalDate(Date(), in: .current), loadContent: { try ContentLibrary.bundled() })
exit(await CLI.run(Array(CommandLine.arguments.dropFirst()), environment: environment))
