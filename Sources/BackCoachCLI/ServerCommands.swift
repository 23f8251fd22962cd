import ArgumentParser
import BackCoachApp
import BackCoachContent
import BackCoachServices
import BackCoachStorage
import BackCoachWeb
import Foundation
import Hummingbird
import Logging

/// Flags shared by the commands that open the database. Each one overrides its environment variable.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (env HTTP_HOST, default 127.0.0.1).")
    var host: String?
    @Option(help: "Port to listen on (env HTTP_PORT, default 8080).")
    var port: String?
    @Option(help: "sqlite:PATH or a postgres:// URL (env DATABASE_URL, default sqlite:./backcoach.sqlite).")
    var database: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (env LOG_LEVEL).")
    var logLevel: String?
    @Option(name: .customLong("public-url"), help: "How people reach the app, for links (env PUBLIC_URL).")
    var publicURL: String?
    @Option(name: .customLong("env-file"), help: "An optional file of environment settings.")
    var envFile = ".env"

    func config(migrate: Bool? = nil) async throws -> AppConfig {
        var overrides: [String: String] = [:]
        overrides[AppConfig.Key.host] = host
        overrides[AppConfig.Key.port] = port
        overrides[AppConfig.Key.database] = database
        overrides[AppConfig.Key.logLevel] = logLevel
        overrides[AppConfig.Key.publicURL] = publicURL
        overrides[AppConfig.Key.migrate] = migrate.map(String.init)
        do {
            return try AppConfig.load(from: try await AppConfig.reader(overrides: overrides, environmentFile: envFile))
        } catch let error as ConfigError {
            throw CLIError(error.description)
        }
    }

    /// Opens the database, runs `work`, and always closes the pools.
    func withDatabase<T>(_ config: AppConfig, _ work: (any StoreDatabase) async throws -> T) async throws -> T {
        let database: any StoreDatabase
        do {
            database = try openDatabase(config.database, logger: ServerOptions.quietLogger)
        } catch let error as DatabaseLocationError {
            throw CLIError(error.message)
        }
        do {
            let result = try await work(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            if error is CLIError || error is ServiceError { throw error }
            if let error = error as? DatabaseLocationError { throw CLIError(error.message) }
            throw CLIError("database \(config.database): \(error)")
        }
    }

    /// Opens and migrates the database and hands `work` the services the server uses, so a command follows the
    /// same rules as the API and the pages.
    func withServices<T>(_ config: AppConfig, content: ContentLibrary, _ work: (Services) async throws -> T) async throws -> T {
        try await withDatabase(config) { database in
            try await database.migrate()
            return try await work(
                Services(
                    store: database.store, content: content, passwords: PasswordHasher(cost: config.bcryptCost),
                    publicBaseURL: config.publicURL))
        }
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "backcoach")
        logger.logLevel = .warning
        return logger
    }
}

struct ServeCommand: AsyncParsableCommand, AsyncCLICommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the web server (SQLite by default; migrates the database on start).")

    @OptionGroup var options: ServerOptions
    @Flag(name: .customLong("no-migrate"), help: "Refuse to start if migrations are pending instead of running them.")
    var noMigrate = false

    func execute(in environment: CLIEnvironment) async throws -> String {
        let config = try await options.config(migrate: noMigrate ? false : nil)
        var logger = Logger(label: "backcoach")
        logger.logLevel = config.logLevel
        let app: any ApplicationProtocol
        do {
            app = try await buildApplication(config: config, logger: logger)
        } catch let error as StartupError {
            throw CLIError(error.description)
        } catch let error as DatabaseLocationError {
            throw CLIError(error.message)
        }
        try await app.runService()
        return ""
    }
}

struct MigrateCommand: AsyncParsableCommand, AsyncCLICommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Bring the database schema up to date, or revert the last batch.")

    @OptionGroup var options: ServerOptions
    @Flag(help: "Undo the last batch of migrations.")
    var revert = false

    func execute(in environment: CLIEnvironment) async throws -> String {
        let config = try await options.config()
        return try await options.withDatabase(config) { database in
            if revert {
                try await database.revertLastBatch()
                let pending = try await database.pendingMigrations()
                return "Reverted the last batch. Now pending: \(pending.isEmpty ? "none" : pending.joined(separator: ", "))\n"
            }
            let pending = try await database.pendingMigrations()
            try await database.migrate()
            return pending.isEmpty
                ? "The database at \(config.database) is up to date.\n"
                : "Applied \(pending.count) migrations to \(config.database): \(pending.joined(separator: ", "))\n"
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand, AsyncCLICommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print an API token for it (shown once).")

        @Argument(help: "The account's e-mail address.")
        var email: String
        @Flag(
            name: .customLong("password-stdin"),
            help: "Read a password (10+ characters) from standard input; otherwise the account signs in with the token only.")
        var passwordFromStdin = false
        @OptionGroup var options: ServerOptions

        func execute(in environment: CLIEnvironment) async throws -> String {
            let typed =
                passwordFromStdin
                ? String(decoding: environment.terminal.readStandardInput(), as: UTF8.self).trimmingCharacters(in: .newlines)
                : UUID().uuidString + UUID().uuidString
            // The same service, and so the same rules, as signing up on the web or through the API; checked first so
            // that a typo never opens (or creates) a database.
            _ = try AccountService.validate(email: email, password: typed, checkStrength: true)
            let config = try await options.config()
            return try await options.withServices(config, content: try environment.content()) { services in
                let user = try await services.accounts.signUp(email: email, password: typed)
                let token = try await services.accounts.issueToken(for: user.id)
                return "Created \(user.email) (id \(user.id)).\nAPI token (shown once, keep it safe):\n\(token)\n"
            }
        }
    }
}

struct BackupCommand: AsyncParsableCommand, AsyncCLICommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent copy of the SQLite database while the server runs.")

    @Option(help: "The new file to write (it must not exist yet).")
    var to: String
    @OptionGroup var options: ServerOptions

    func execute(in environment: CLIEnvironment) async throws -> String {
        let config = try await options.config()
        guard case .sqlite(let path) = config.database, FileManager.default.fileExists(atPath: path) else {
            if case .sqlite(let path) = config.database { throw CLIError("there is no database at \(path) to back up") }
            throw CLIError("backup works on SQLite; for PostgreSQL use pg_dump")
        }
        return try await options.withDatabase(config) { database in
            try await database.backup(to: to)
            let size = (try? FileManager.default.attributesOfItem(atPath: to)[.size] as? Int) ?? 0
            return "Backed up \(config.database) to \(to) (\(size) bytes).\n"
        }
    }
}

struct RestoreCommand: AsyncParsableCommand, AsyncCLICommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup made by `backcoach backup` back in place of the SQLite database. Stop the server first.")

    @Option(help: "The backup file to restore (it is not changed).")
    var from: String
    @Flag(help: "Replace the database if it exists. Without it, restore never overwrites.")
    var force = false
    @OptionGroup var options: ServerOptions

    func execute(in environment: CLIEnvironment) async throws -> String {
        let config = try await options.config()
        guard case .sqlite(let target) = config.database else { throw CLIError("restore works on SQLite; for PostgreSQL use pg_restore") }
        let files = FileManager.default
        guard files.fileExists(atPath: from) else { throw CLIError("there is no backup at \(from)") }
        if files.fileExists(atPath: target) && !force {
            throw CLIError("\(target) already exists; add --force to replace it (stop the server first)")
        }
        // Check a copy beside the target, then move it into place in one rename: the live file is never half-written,
        // and the backup itself is never opened for writing.
        let staging = target + ".restoring"
        try? files.removeItem(atPath: staging)
        do {
            try files.copyItem(atPath: from, toPath: staging)
        } catch {
            throw CLIError("cannot copy \(from) next to \(target): \(error.localizedDescription)")
        }
        let users: Int
        do {
            users = try await options.withDatabase(
                AppConfig(database: .sqlite(path: staging)), { try await $0.verifyBackup() })
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: staging + suffix) }
            throw error
        }
        // A write-ahead log left from the old database would be replayed into the restored one.
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: target + suffix) }
        for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: staging + suffix) }
        guard rename(staging, target) == 0 else { throw CLIError("cannot move the restored file into place at \(target)") }
        return "Restored \(from) to \(target) (\(users) accounts).\n"
    }
}
