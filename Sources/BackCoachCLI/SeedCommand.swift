import ArgumentParser
import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import Foundation

/// Fills a database with made-up users and their history, through the same store and coaching code the
/// server uses, so benchmarks and demos read realistic rows. Writes each user's secrets to a file for the load tool.
struct SeedCommand: AsyncParsableCommand, AsyncCLICommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill a database with made-up users, each with an intake and daily history (for benchmarks and demos).",
        discussion: """
            Every user gets an API token, a signed-in browser session and a calendar feed. One line per user goes to \
            --credentials: e-mail, API token, session cookie and calendar secret, separated by tabs.
            """)

    @Option(help: "How many users to create.")
    var users = 1000
    @Option(help: "Days of check-ins and sessions for each user, ending today.")
    var days = 365
    @Option(help: "File to write each user's secrets to (it must not exist yet).")
    var credentials: String
    @Option(help: "Start of each e-mail address, so several runs can share one database.")
    var prefix = "seed"
    @Option(help: "The one password every seeded user signs in with.")
    var password = "seeded-password"
    @OptionGroup var options: ServerOptions

    func validate() throws {
        guard (1...1_000_000).contains(users) else { throw ValidationError("--users must be from 1 to 1000000 (got \(users))") }
        guard (1...1095).contains(days) else { throw ValidationError("--days must be from 1 to 1095 (got \(days))") }
    }

    /// Users seeded side by side.
    static let usersAtOnce = 16

    func execute(in environment: CLIEnvironment) async throws -> String {
        guard !FileManager.default.fileExists(atPath: credentials) else {
            throw CLIError("\(credentials) already exists; choose a new file name")
        }
        guard FileManager.default.createFile(atPath: credentials, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = FileHandle(forWritingAtPath: credentials)
        else { throw CLIError("cannot write \(credentials)") }
        defer { try? output.close() }

        let config = try await options.config()
        let content = try environment.content()
        // One bcrypt hash for everyone: hashing a thousand passwords at cost 12 would take minutes and prove nothing.
        let passwords = try await PasswordHasher(cost: config.bcryptCost).remembering(password)
        let seeder = HistorySeeder(content: content, today: environment.today, days: days, password: password, passwords: passwords)
        let started = Date()
        return try await options.withDatabase(config) { database in
            try await database.migrate()
            let store = database.store
            // Several people at once: their writes share commits (one disk sync for many saves), as real traffic does.
            var next = 0
            while next < users {
                let batch = next..<min(users, next + Self.usersAtOnce)
                let seeded = try await withThrowingTaskGroup(of: (Int, HistorySeeder.Secrets).self) { group in
                    for index in batch {
                        group.addTask {
                            (index, try await seeder.seed(email: "\(prefix)-\(index)@example.test", index: index, into: store))
                        }
                    }
                    return try await group.reduce(into: [Int: HistorySeeder.Secrets]()) { $0[$1.0] = $1.1 }
                }
                for index in batch {
                    let secrets = seeded[index]!
                    try output.write(
                        contentsOf: Data(
                            "\(prefix)-\(index)@example.test\t\(secrets.token)\t\(secrets.sessionCookie)\t\(secrets.calendarSecret)\n".utf8)
                    )
                    if (index + 1) % 100 == 0 { environment.terminal.writeError("seeded \(index + 1) of \(users) users\n") }
                }
                next = batch.upperBound
            }
            let seconds = Date().timeIntervalSince(started)
            return "Seeded \(users) users with \(days) days each in \(String(format: "%.1f", seconds)) s; secrets in \(credentials).\n"
        }
    }
}

/// Lives one made-up user's days through the services the server uses, with a clock that moves a day at a time:
/// an intake on the first day, a check-in every day (pain easing from about 6 to about 2 with day-to-day noise,
/// a weekly PSFS), and on each session day before today the safety check and a session, reviewed by the progression
/// rules. Her browser session starts on the last day.
struct HistorySeeder: Sendable {
    let content: ContentLibrary
    let today: LocalDate
    let days: Int
    let password: String
    let passwords: PasswordHasher

    struct Secrets: Sendable {
        let token: String
        let sessionCookie: String
        let calendarSecret: String
    }

    func seed(email: String, index: Int, into store: some BackCoachStore) async throws -> Secrets {
        var random = SplitMix64(seed: UInt64(index) &+ 1)
        let start = today.adding(days: -(days - 1))
        let clock = SeedClock(start.startOfDay.addingTimeInterval(9 * 3600))
        let services = Services(store: store, content: content, passwords: passwords, now: { clock.now })
        let user = try await services.accounts.signUp(email: email, password: password)
        let token = try await services.accounts.issueToken(for: user.id)
        let answers = try intake(weeksSinceBirth: 2 + days / 7, daysPerWeek: 3 + index % 3)
        _ = try await services.program.saveIntake(answers, for: user)

        for offset in 0..<days {
            let date = start.adding(days: offset)
            clock.set(date.startOfDay.addingTimeInterval(9 * 3600))
            let trend = 6.0 - 4.0 * Double(offset) / Double(max(days - 1, 1))
            let pain = min(10, max(0, Int((trend + Double(random.next() % 3) - 1).rounded())))
            let psfs =
                offset % 7 == 0
                ? [
                    PSFSRating(activity: "Lifting baby from the cot", score: 10 - pain),
                    PSFSRating(activity: "Walking 20 minutes", score: 9 - pain),
                ]
                : nil
            _ = try await services.checkins.save(.init(date: date, pain: pain, psfs: psfs), for: user)
            // Today is still ahead of her: checked in, but no safety check or session yet (the load tool does those).
            guard offset < days - 1 else { continue }
            let day = try await services.today.day(date, for: user)
            guard day.status == .session, let session = day.session else { continue }
            _ = try await services.safety.record([], painAtRest: min(6, pain), painWorsening: false, on: date, for: user)
            let feedback = session.exercises.map {
                ExerciseFeedback(
                    exerciseID: $0.id, completed: true, difficulty: random.next() % 4 == 0 ? .tooEasy : .right, painDuring: pain / 2)
            }
            _ = try await services.sessions.log(feedback, on: date, for: user)
        }
        // Signed in today, so the browser session is fresh (it lasts 30 days).
        let cookie = try await services.accounts.startWebSession(for: user.id)
        return Secrets(token: token, sessionCookie: cookie, calendarSecret: user.calendarSecret)
    }

    /// A cleared vaginal birth with low-back pain and nothing that needs a clinician first.
    func intake(weeksSinceBirth: Int, daysPerWeek: Int) throws -> IntakeAnswers {
        let json: [String: Any] = [
            "weeksSinceBirth": min(weeksSinceBirth, IntakeAnswers.Limits.weeksSinceBirth.upperBound), "delivery": "vaginal",
            "clinicianCleared": true, "complications": [], "painAtRest": 4, "painWorsening": false, "painAreas": ["lowBack"],
            "redFlags": [], "pelvicFloor": [], "diastasisFingers": NSNull(), "glutes": ["clenching"], "pgpTests": [],
            "breastfeeding": true, "minutesPerDay": 10, "daysPerWeek": daysPerWeek, "equipment": [],
        ]
        return try IntakeParser.parse(try JSONSerialization.data(withJSONObject: json))
    }
}

/// The seeder's clock: each made-up day happens at 09:00 of that day.
final class SeedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    func set(_ date: Date) {
        lock.withLock { current = date }
    }
}
