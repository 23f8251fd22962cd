import BackCoachStorage
import Configuration
import Foundation
import Logging

/// Everything the server needs to start, read once and checked before anything opens.
public struct AppConfig: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var database: DatabaseLocation
    public var logLevel: Logger.Level
    /// Run pending migrations at start-up (the default); otherwise refuse to start while any are pending.
    public var migrateOnStart: Bool
    /// How people reach the app, for links such as the calendar feed.
    public var publicURL: String
    /// bcrypt work factor: 12 or more for real use.
    public var bcryptCost: UInt8
    /// New accounts one network address may make in an hour.
    public var signUpsPerHour: Int
    /// Where reset links are handed over (`smtp://HOST:PORT`, a relay), and the sender; nil: no e-mail, codes only.
    public var smtp: SMTPRelay?
    public var mailFrom: String
    /// Serve `/bench/ping`, a route that touches nothing, as the ceiling in benchmark runs. Off in real use.
    public var benchRoutes: Bool
    /// Tests only: a file holding a number of seconds the server's clock runs ahead of the real one, read on every
    /// use, so a browser journey can live through several days in minutes. Never set in real use.
    public var testClockFile: String?
    /// Tests and a local push service only: also accept push subscriptions at plain-http loopback addresses.
    public var pushAllowLoopback: Bool
    /// A `mailto:` or `https:` contact for push services' operators (the VAPID subject); nil: worked out.
    public var pushContact: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .sqlite(path: "./backcoach.sqlite"),
        logLevel: Logger.Level = .info, migrateOnStart: Bool = true, publicURL: String? = nil, bcryptCost: UInt8 = 12,
        signUpsPerHour: Int = 10, smtp: SMTPRelay? = nil, mailFrom: String = "backcoach@localhost",
        benchRoutes: Bool = false, testClockFile: String? = nil, pushAllowLoopback: Bool = false, pushContact: String? = nil
    ) {
        self.pushAllowLoopback = pushAllowLoopback
        self.pushContact = pushContact
        self.testClockFile = testClockFile
        self.smtp = smtp
        self.mailFrom = mailFrom
        self.signUpsPerHour = signUpsPerHour
        self.host = host
        self.port = port
        self.database = database
        self.logLevel = logLevel
        self.migrateOnStart = migrateOnStart
        self.publicURL = publicURL ?? "http://\(host):\(port)"
        self.bcryptCost = bcryptCost
        self.benchRoutes = benchRoutes
    }

    /// The configuration keys. Environment variables are the keys in capitals with `_` for `.`
    /// (`http.port` → `HTTP_PORT`, `database.url` → `DATABASE_URL`).
    public enum Key {
        public static let host = "http.host"
        public static let port = "http.port"
        public static let database = "database.url"
        public static let migrate = "database.migrate"
        public static let logLevel = "log.level"
        public static let publicURL = "public.url"
        public static let bcryptCost = "auth.bcrypt.cost"
        public static let signUpsPerHour = "auth.signups.hourly"
        public static let smtpURL = "smtp.url"
        public static let mailFrom = "mail.from"
        public static let benchRoutes = "bench.routes"
        public static let testClockFile = "test.clock.file"
        public static let pushAllowLoopback = "backcoach.push.allow.loopback"
        public static let pushContact = "push.contact"
    }

    /// Reads and checks every key; reports every problem at once in one error.
    public static func load(from reader: ConfigReader) throws(ConfigError) -> AppConfig {
        var problems: [String] = []
        let defaults = AppConfig()
        let host = reader.string(forKey: ConfigKey(Key.host), default: defaults.host)
        let portText = reader.string(forKey: ConfigKey(Key.port)) ?? String(defaults.port)
        let port = Int(portText) ?? -1
        if !(0...65535).contains(port) { problems.append("\(Key.port) must be a port number 0–65535 (got \(portText))") }
        var database = defaults.database
        let databaseText = reader.string(forKey: ConfigKey(Key.database))
        if let databaseText {
            do { database = try DatabaseLocation(databaseText) } catch { problems.append(error.message) }
        }
        let levelText = reader.string(forKey: ConfigKey(Key.logLevel), default: "info")
        let level = Logger.Level(rawValue: levelText.lowercased())
        if level == nil {
            problems.append(
                "\(Key.logLevel) must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")) (got \(levelText))")
        }
        let migrate = boolean(Key.migrate, default: true, in: reader, problems: &problems)
        let benchRoutes = boolean(Key.benchRoutes, default: false, in: reader, problems: &problems)
        let costText = reader.string(forKey: ConfigKey(Key.bcryptCost), default: "12")
        let cost = UInt8(costText) ?? 0
        if !(12...16).contains(cost) { problems.append("\(Key.bcryptCost) must be 12–16 (got \(costText))") }
        let signUpsText = reader.string(forKey: ConfigKey(Key.signUpsPerHour), default: String(defaults.signUpsPerHour))
        let signUps = Int(signUpsText) ?? -1
        if !(1...100_000).contains(signUps) {
            problems.append("\(Key.signUpsPerHour) must be a whole number from 1 to 100000 (got \(signUpsText))")
        }
        var smtp: SMTPRelay?
        if let text = reader.string(forKey: ConfigKey(Key.smtpURL)) {
            if let url = URL(string: text), url.scheme == "smtp", let host = url.host, !host.isEmpty {
                smtp = SMTPRelay(host: host, port: url.port ?? 25)
            } else {
                problems.append("\(Key.smtpURL) must look like smtp://HOST:PORT (got \(text))")
            }
        }
        let mailFrom = reader.string(forKey: ConfigKey(Key.mailFrom), default: defaults.mailFrom)
        let publicURL = reader.string(forKey: ConfigKey(Key.publicURL))
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            problems.append("\(Key.publicURL) must start with http:// or https:// (got \(publicURL))")
        }
        let pushAllowLoopback = boolean(Key.pushAllowLoopback, default: false, in: reader, problems: &problems)
        let pushContact = reader.string(forKey: ConfigKey(Key.pushContact))
        if let pushContact, !(pushContact.hasPrefix("mailto:") || pushContact.hasPrefix("https:")) {
            problems.append("\(Key.pushContact) must be a mailto: or https: address (got \(pushContact))")
        }
        guard problems.isEmpty else { throw ConfigError(problems: problems) }
        return AppConfig(
            host: host, port: port, database: database, logLevel: level ?? .info,
            migrateOnStart: migrate, publicURL: publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }, bcryptCost: cost,
            signUpsPerHour: signUps, smtp: smtp, mailFrom: mailFrom, benchRoutes: benchRoutes,
            testClockFile: reader.string(forKey: ConfigKey(Key.testClockFile)), pushAllowLoopback: pushAllowLoopback,
            pushContact: pushContact)
    }

    private static func boolean(_ key: String, default fallback: Bool, in reader: ConfigReader, problems: inout [String]) -> Bool {
        let text = reader.string(forKey: ConfigKey(key), default: String(fallback)).lowercased()
        guard ["true", "false", "1", "0", "yes", "no"].contains(text) else {
            problems.append("\(key) must be true or false (got \(text))")
            return fallback
        }
        return ["true", "1", "yes"].contains(text)
    }

    /// Flags first, then the environment, then an optional `.env` file, then the defaults.
    public static func reader(overrides: [String: String], environmentFile: String = ".env") async throws -> ConfigReader {
        let flags = InMemoryProvider(
            name: "command line",
            values: Dictionary(
                uniqueKeysWithValues: overrides.map {
                    (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue(.string($0.value), isSecret: false))
                }))
        let dotEnv = try await EnvironmentVariablesProvider(environmentFilePath: .init(environmentFile), allowMissing: true)
        return ConfigReader(providers: [flags, EnvironmentVariablesProvider(), dotEnv])
    }
}

/// Every configuration problem found, as one line.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "configuration: " + problems.joined(separator: "; ") }
}

/// A mail server that takes reset links onward.
public struct SMTPRelay: Sendable, Equatable {
    public let host: String
    public let port: Int
}
