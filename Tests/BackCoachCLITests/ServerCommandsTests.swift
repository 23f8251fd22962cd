import BackCoachContent
import BackCoachCore
import BackCoachServices
import Foundation
import Testing

@Suite("backcoach migrate, user create, backup and configuration errors")
struct ServerCommandsTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    }

    @Test("migrate applies every migration once; --revert undoes the last batch")
    func migrate() async throws {
        let database = "sqlite:" + temporaryPath("migrate") + ".sqlite"
        let first = ScriptedTerminal()
        #expect(await first.run(["migrate", "--database", database]) == 0)
        #expect(first.output.hasPrefix("Applied 17 migrations"))
        let again = ScriptedTerminal()
        #expect(await again.run(["migrate", "--database", database]) == 0)
        #expect(again.output.contains("is up to date"))
        let revert = ScriptedTerminal()
        #expect(await revert.run(["migrate", "--revert", "--database", database]) == 0)
        #expect(revert.output.contains("Now pending: 0001_create_users"))
    }

    @Test("user create prints a token once; a second account with the same e-mail is refused")
    func userCreate() async throws {
        let database = "sqlite:" + temporaryPath("users") + ".sqlite"
        let create = ScriptedTerminal()
        #expect(await create.run(["user", "create", "Coach@Example.test", "--database", database]) == 0)
        #expect(create.output.contains("Created coach@example.test"))
        let token = create.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(token.count == 43)
        let twin = ScriptedTerminal()
        #expect(await twin.run(["user", "create", "coach@example.test", "--database", database]) == 2)
        #expect(twin.errors == "backcoach: An account with this e-mail already exists. Sign in instead.\n")
        let weak = ScriptedTerminal(stdin: "short\n")
        #expect(await weak.run(["user", "create", "b@example.test", "--password-stdin", "--database", database]) == 2)
        #expect(weak.errors == "backcoach: Your password must be at least 10 characters.\n")
        let notEmail = ScriptedTerminal()
        #expect(await notEmail.run(["user", "create", "not-an-email", "--database", database]) == 2)
        #expect(notEmail.errors == "backcoach: Your e-mail must look like name@example.com.\n")
    }

    /// The same bad input the API and sign-up form tests send (InterfaceParityTests), refused in the same words.
    @Test(
        "user create refuses what sign-up refuses, with the service's message",
        arguments: [("mum@example.test", "short"), ("not-an-email", "0123456789"), ("mum@example.test", "ten chars\u{1}and more")])
    func userCreateParity(email: String, password: String) async throws {
        var expected = ""
        do {
            _ = try AccountService.validate(email: email, password: password, checkStrength: true)
        } catch {
            expected = error.message
        }
        #expect(!expected.isEmpty)
        let database = temporaryPath("parity") + ".sqlite"
        let terminal = ScriptedTerminal(stdin: password + "\n")
        #expect(await terminal.run(["user", "create", email, "--password-stdin", "--database", "sqlite:" + database]) == 2)
        #expect(terminal.errors == "backcoach: \(expected)\n")
        #expect(!FileManager.default.fileExists(atPath: database), "refused before any database is opened")
    }

    @Test("backup writes a consistent copy and never overwrites")
    func backup() async throws {
        let path = temporaryPath("live") + ".sqlite"
        #expect(await ScriptedTerminal().run(["user", "create", "a@example.test", "--database", "sqlite:" + path]) == 0)
        let copy = temporaryPath("copy") + ".sqlite"
        let first = ScriptedTerminal()
        #expect(await first.run(["backup", "--to", copy, "--database", "sqlite:" + path]) == 0)
        #expect(FileManager.default.fileExists(atPath: copy))
        // The copy is a working database with the account in it.
        let fromCopy = ScriptedTerminal()
        #expect(await fromCopy.run(["user", "create", "a@example.test", "--database", "sqlite:" + copy]) == 2)
        #expect(fromCopy.errors.contains("already exists"))
        let again = ScriptedTerminal()
        #expect(await again.run(["backup", "--to", copy, "--database", "sqlite:" + path]) == 2)
        #expect(again.errors.contains("already exists; choose a new file name"))
        let missing = ScriptedTerminal()
        #expect(await missing.run(["backup", "--to", copy + "2", "--database", "sqlite:/no/such.sqlite"]) == 2)
        #expect(await ScriptedTerminal().run(["backup", "--to", copy + "3", "--database", "postgres://u:p@127.0.0.1/x"]) == 2)
    }

    @Test("restore puts a backup back only with --force, refuses damaged or foreign files, and leaves the live file alone then")
    func restore() async throws {
        let live = temporaryPath("live") + ".sqlite"
        let database = "sqlite:" + live
        #expect(await ScriptedTerminal().run(["user", "create", "kept@example.test", "--database", database]) == 0)
        let backup = temporaryPath("backup") + ".sqlite"
        #expect(await ScriptedTerminal().run(["backup", "--to", backup, "--database", database]) == 0)
        #expect(await ScriptedTerminal().run(["user", "create", "later@example.test", "--database", database]) == 0)

        let refused = ScriptedTerminal()
        #expect(await refused.run(["restore", "--from", backup, "--database", database]) == 2)
        #expect(refused.errors.contains("already exists; add --force to replace it"))

        let garbage = temporaryPath("garbage")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage))
        let damaged = ScriptedTerminal()
        #expect(await damaged.run(["restore", "--from", garbage, "--force", "--database", database]) == 2)
        // The live database is untouched by a failed restore: both accounts are still there.
        let stillThere = ScriptedTerminal()
        #expect(await stillThere.run(["user", "create", "later@example.test", "--database", database]) == 2)

        let restored = ScriptedTerminal()
        #expect(await restored.run(["restore", "--from", backup, "--force", "--database", database]) == 0)
        #expect(restored.output.contains("(1 accounts)"))
        // Back to the moment of the backup: the first account exists, the later one does not.
        #expect(await ScriptedTerminal().run(["user", "create", "kept@example.test", "--database", database]) == 2)
        #expect(await ScriptedTerminal().run(["user", "create", "later@example.test", "--database", database]) == 0)
        #expect(await ScriptedTerminal().run(["restore", "--from", backup + "-missing", "--database", database]) == 2)
    }

    @Test("seed makes users with history and writes their secrets; it never overwrites the secrets file")
    func seed() async throws {
        let database = "sqlite:" + temporaryPath("seed") + ".sqlite"
        let credentials = temporaryPath("credentials")
        let shell = ScriptedTerminal()
        #expect(await shell.run(["seed", "--users", "3", "--days", "30", "--credentials", credentials, "--database", database]) == 0)
        #expect(shell.errors == "")
        #expect(shell.output.hasPrefix("Seeded 3 users with 30 days each"))
        let lines = try String(contentsOfFile: credentials, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.split(separator: "\t").count == 4 })
        #expect(lines.first?.hasPrefix("seed-0@example.test\t") == true)
        let permissions = try FileManager.default.attributesOfItem(atPath: credentials)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        // The seeded accounts are real: the same e-mail can't be created again.
        let twin = ScriptedTerminal()
        #expect(await twin.run(["user", "create", "seed-1@example.test", "--database", database]) == 2)
        let again = ScriptedTerminal()
        #expect(await again.run(["seed", "--users", "1", "--credentials", credentials, "--database", database]) == 2)
        #expect(again.errors.contains("already exists; choose a new file name"))
        #expect(await ScriptedTerminal().run(["seed", "--days", "2000", "--credentials", credentials + "2"]) == 2)
    }

    @Test("Every configuration problem is reported at once, from flags or a .env file")
    func configErrors() async throws {
        let shell = ScriptedTerminal()
        #expect(await shell.run(["serve", "--port", "70000", "--database", "mysql://x", "--log-level", "loud"]) == 2)
        #expect(
            shell.errors.hasPrefix("backcoach: configuration: http.port must be a port number 0–65535 (got 70000); the database must be"))
        #expect(shell.errors.contains("log.level must be one of"))
        let envFile = temporaryPath("env")
        try "AUTH_BCRYPT_COST=4\nPUBLIC_URL=ftp://nope\n".write(toFile: envFile, atomically: true, encoding: .utf8)
        let fromFile = ScriptedTerminal()
        #expect(await fromFile.run(["serve", "--env-file", envFile]) == 2)
        #expect(fromFile.errors.contains("auth.bcrypt.cost must be 12–16 (got 4)"))
        #expect(fromFile.errors.contains("public.url must start with http:// or https://"))
    }

    @Test("serve --no-migrate refuses a database with pending migrations")
    func noMigrate() async {
        let shell = ScriptedTerminal()
        #expect(
            await shell.run(["serve", "--no-migrate", "--port", "0", "--database", "sqlite:" + temporaryPath("fresh") + ".sqlite"]) == 2)
        #expect(shell.errors == "backcoach: 17 database migrations are pending; run `backcoach migrate` first\n")
    }
}

/// `assess` asks the safety questions content lists, like the web wizard (WizardContentTests drives the web side
/// with the same edits).
@Suite("assess follows the content's questions")
struct AssessContentTests {
    @Test("A removed safety question is not asked; an added one is")
    func editedQuestions() async throws {
        let bundled = try ContentLibrary.bundled()
        for (find, replace, absent, present) in [
            (#""RF-09", "#, "", RedFlagID.rf09, RedFlagID.rf10), (#""RF-18", "#, #""RF-16", "RF-18", "#, RedFlagID.rf17, RedFlagID.rf16),
        ] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: ContentLibrary.bundledFolder!, to: folder)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("questions.json")
            let count =
                replace.isEmpty
                ? (#""safetyQuestions": 9"#, #""safetyQuestions": 8"#) : (#""safetyQuestions": 8"#, #""safetyQuestions": 9"#)
            try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: find, with: replace)
                .replacingOccurrences(of: count.0, with: count.1).write(to: file, atomically: true, encoding: .utf8)
            let edited = try ContentLibrary.load(from: folder)
            let asked = edited.questions.redFlagsAskedAtIntake.map { edited.redFlags.rule($0)!.questionsAsked.count }.reduce(0, +)
            let terminal = ScriptedTerminal(lines: Array(repeating: "no", count: asked))
            _ = await terminal.run(["assess"], content: folder)
            for id in edited.questions.redFlagsAskedAtIntake {
                #expect(terminal.output.contains(bundled.redFlags.rule(id)!.question), "\(id) asked")
            }
            if let question = bundled.redFlags.rule(absent)?.question { #expect(!terminal.output.contains(question)) }
            #expect(terminal.output.contains(bundled.redFlags.rule(present)!.question))
        }
    }
}

@Suite("Help")
struct HelpTests {
    @Test("NAME --help and help NAME print that command's help, not the help of help")
    func help() async throws {
        for arguments in [["serve", "--help"], ["help", "serve"], ["user", "create", "-h"]] {
            let terminal = ScriptedTerminal()
            #expect(await terminal.run(arguments) == 0)
            #expect(!terminal.output.contains("Show subcommand help information"), "\(arguments)")
            #expect(terminal.output.contains(arguments.contains("user") ? "Create an account" : "Run the web server"), "\(arguments)")
        }
    }
}
