import Foundation
import Testing

@Suite("backcoach clinician create")
struct ClinicianCommandTests {
    @Test("An operator creates a clinician: a first password and a token, each shown once; bad input exits 2 with one line")
    func create() async throws {
        let database = "sqlite:" + FileManager.default.temporaryDirectory.appendingPathComponent("clinician-\(UUID()).sqlite").path
        let create = ScriptedTerminal()
        let arguments = ["clinician", "create", "Ada@Clinic.test", "--name", "Ada Lane", "--profession", "Physiotherapist"]
        #expect(await create.run(arguments + ["--database", database]) == 0)
        #expect(create.output.hasPrefix("Created clinician Ada Lane, Physiotherapist <ada@clinic.test>"))
        #expect(create.output.contains("First password (shown once"))
        #expect(create.output.split(separator: "\n").last?.count == 43, "the token is the last line")
        let twin = ScriptedTerminal()
        #expect(await twin.run(arguments + ["--database", database]) == 2)
        #expect(twin.errors == "backcoach: An account with this e-mail already exists. Sign in instead.\n")
        let noName = ScriptedTerminal()
        let blank = ["clinician", "create", "b@clinic.test", "--name", " ", "--profession", "Midwife", "--database", database]
        #expect(await noName.run(blank) == 2)
        #expect(noName.errors == "backcoach: Please enter the name.\n")
        let typed = ScriptedTerminal(stdin: "a long enough password\n")
        #expect(
            await typed.run(
                ["clinician", "create", "c@clinic.test", "--name", "Cy", "--profession", "GP", "--password-stdin", "--database", database])
                == 0)
        #expect(!typed.output.contains("First password"))
    }
}
