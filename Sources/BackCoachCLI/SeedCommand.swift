import ArgumentParser
import BackCoachContent
import BackCoachCore
import BackCoachStorage
import BackCoachStorageFluent
import BackCoachWeb
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
        let passwordHash = try await PasswordHasher(cost: config.bcryptCost).hash(password)
        let seeder = HistorySeeder(content: content, today: environment.today, days: days, passwordHash: passwordHash)
        let started = Date()
        return try await options.withDatabase(config) { database in
            try await database.migrate()
            let store = FluentStore(database: database)
            for index in 0..<users {
                let email = "\(prefix)-\(index)@example.test"
                let secrets = try await store.inOneTransaction { store in
                    try await seeder.seed(email: email, index: index, into: store)
                }
                try output.write(contentsOf: Data("\(email)\t\(secrets.token)\t\(secrets.sessionCookie)\t\(secrets.calendarSecret)\n".utf8))
                if (index + 1) % 100 == 0 { environment.terminal.writeError("seeded \(index + 1) of \(users) users\n") }
            }
            let seconds = Date().timeIntervalSince(started)
            return "Seeded \(users) users with \(days) days each in \(String(format: "%.1f", seconds)) s; secrets in \(credentials).\n"
        }
    }
}

/// Makes one user's account and history: a pain score that eases from about 6 to about 2 with day-to-day
/// noise, a weekly PSFS, and a session on each scheduled day, reviewed by the progression rules as if she had sent it.
struct HistorySeeder: Sendable {
    let content: ContentLibrary
    let today: LocalDate
    let days: Int
    let passwordHash: String

    struct Secrets {
        let token: String
        let sessionCookie: String
        let calendarSecret: String
    }

    func seed(email: String, index: Int, into store: FluentStore) async throws -> Secrets {
        var random = SplitMix64(seed: UInt64(index) &+ 1)
        let now = Date()
        let user = User(
            id: UserID(), email: email, passwordHash: passwordHash, createdAt: now, calendarSecret: BackCoachWeb.Secrets.random())
        try await store.createUser(user)
        let token = BackCoachWeb.Secrets.random()
        try await store.addToken(hash: BackCoachWeb.Secrets.hash(token), for: user.id, now: now)
        let cookie = BackCoachWeb.Secrets.random()
        try await store.addWebSession(
            WebSession(
                tokenHash: BackCoachWeb.Secrets.hash(cookie), userID: user.id, csrfToken: BackCoachWeb.Secrets.random(),
                expiresAt: now.addingTimeInterval(30 * 24 * 3600)))

        let start = today.adding(days: -(days - 1))
        let answers = try intake(weeksSinceBirth: 2 + days / 7, daysPerWeek: 3 + index % 3)
        let context = ProgramContext(answers: answers)
        let allowed = PhaseRules.allowedPhase(for: answers).phase
        guard let program = content.coach.assess(answers, startDate: start).program else {
            throw CLIError("the seed intake should allow a program")
        }
        var record = ProgramRecord(startDate: start, state: ProgramState(phase: allowed))
        try await store.saveIntake(answers, program: record, for: user.id, now: now)

        let schedule = SessionSchedule(startDate: start, sessionsPerWeek: answers.daysPerWeek)
        let engine = ProgressionEngine(catalogue: content.catalogue)
        var history: [[ExerciseFeedback]] = []
        for offset in 0..<days {
            let date = start.adding(days: offset)
            let trend = 6.0 - 4.0 * Double(offset) / Double(max(days - 1, 1))
            let pain = min(10, max(0, Int((trend + Double(random.next() % 3) - 1).rounded())))
            let psfs =
                offset % 7 == 0
                ? [
                    PSFSRating(activity: "Lifting baby from the cot", score: 10 - pain),
                    PSFSRating(activity: "Walking 20 minutes", score: 9 - pain),
                ]
                : nil
            _ = try await store.upsertCheckin(Checkin(date: date, pain: pain, psfs: psfs, updatedAt: now), for: user.id)

            guard let number = schedule.sessionNumber(on: date), let session = program.sessions.first(where: { $0.number == number })
            else { continue }
            let feedback = session.exercises.map {
                ExerciseFeedback(
                    exerciseID: $0.id, completed: true, difficulty: random.next() % 4 == 0 ? .tooEasy : .right, painDuring: pain / 2)
            }
            let review = SessionReview.review(
                feedback: feedback, history: history, state: record.state, engine: engine, context: context, allowedPhase: allowed,
                ceiling: program.painCeiling)
            record.state = review.state
            history = Array((history + [feedback]).suffix(SessionReview.sessionsToTolerateDeferred))
            try await store.addSession(
                SessionLog(date: date, feedback: feedback, decisions: review.decisions, createdAt: now), program: record, for: user.id)
        }
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

/// A small deterministic generator, so every seeded database has the same shape.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
