import GRDB

/// The embedded database's schema, one step at a time. Never edit a shipped step: add a new one.
///
/// The tables, names and column types are the ones the earlier FluentKit adapter created, so a file it made opens
/// here unchanged (its `_fluent_migrations` ledger is adopted on first open, see `SQLiteDatabase.adoptFluentLedger`).
struct SQLiteMigration: Sendable {
    let name: String
    let up: [SQLiteMigrationStep]
    let down: [SQLiteMigrationStep]
}

/// One SQL statement, or code for what SQL can't say (rewriting stored values into a new format).
enum SQLiteMigrationStep: Sendable, ExpressibleByStringInterpolation {
    case sql(String)
    case code(@Sendable (Database) throws -> Void)

    init(stringLiteral value: String) { self = .sql(value) }
    init(stringInterpolation: DefaultStringInterpolation) { self = .sql(String(stringInterpolation: stringInterpolation)) }

    func run(_ db: Database) throws {
        switch self {
        case .sql(let statement): try db.execute(sql: statement)
        case .code(let body): try body(db)
        }
    }
}

enum SQLiteMigrations {
    /// A reference to her account whose rows go with it.
    private static let owner = "TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE"

    static let all: [SQLiteMigration] = [
        SQLiteMigration(
            name: "0001_create_users",
            up: [
                """
                CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, \
                calendar_secret TEXT NOT NULL UNIQUE, pain_ceiling INTEGER, created_at REAL NOT NULL)
                """
            ],
            down: ["DROP TABLE users"]),
        SQLiteMigration(
            name: "0002_create_api_tokens",
            up: [
                "CREATE TABLE api_tokens (token_hash TEXT PRIMARY KEY, user_id \(owner), created_at REAL NOT NULL)",
                "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
            ],
            down: ["DROP TABLE api_tokens"]),
        SQLiteMigration(
            name: "0003_create_intakes_and_programs",
            up: [
                """
                CREATE TABLE intakes (user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, answers TEXT NOT NULL, \
                updated_at REAL NOT NULL)
                """,
                "CREATE TABLE programs (user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, record TEXT NOT NULL)",
            ],
            down: ["DROP TABLE programs", "DROP TABLE intakes"]),
        SQLiteMigration(
            name: "0004_create_screens",
            up: [
                """
                CREATE TABLE screens (id TEXT PRIMARY KEY, user_id \(owner), date TEXT NOT NULL, red_flags TEXT NOT NULL, \
                level TEXT NOT NULL, created_at REAL NOT NULL)
                """,
                "CREATE INDEX screens_user_date ON screens (user_id, date)",
            ],
            down: ["DROP TABLE screens"]),
        SQLiteMigration(
            name: "0005_create_session_logs",
            up: [
                """
                CREATE TABLE session_logs (id TEXT PRIMARY KEY, user_id \(owner), date TEXT NOT NULL, feedback TEXT NOT NULL, \
                decisions TEXT NOT NULL, created_at REAL NOT NULL)
                """,
                "CREATE INDEX session_logs_user_date ON session_logs (user_id, date)",
            ],
            down: ["DROP TABLE session_logs"]),
        SQLiteMigration(
            name: "0006_create_checkins",
            up: [
                """
                CREATE TABLE checkins (user_id \(owner), date TEXT NOT NULL, pain INTEGER NOT NULL, psfs TEXT, note TEXT, \
                updated_at REAL NOT NULL, UNIQUE (user_id, date))
                """
            ],
            down: ["DROP TABLE checkins"]),
        SQLiteMigration(
            name: "0007_create_login_failures",
            up: [
                "CREATE TABLE login_failures (id TEXT PRIMARY KEY, key TEXT NOT NULL, at REAL NOT NULL)",
                "CREATE INDEX login_failures_key_at ON login_failures (key, at)",
            ],
            down: ["DROP TABLE login_failures"]),
        SQLiteMigration(
            name: "0008_create_web_sessions",
            up: [
                """
                CREATE TABLE web_sessions (token_hash TEXT PRIMARY KEY, user_id \(owner), csrf_token TEXT NOT NULL, \
                expires_at REAL NOT NULL)
                """,
                "CREATE INDEX web_sessions_user ON web_sessions (user_id)",
            ],
            down: ["DROP TABLE web_sessions"]),
        SQLiteMigration(
            name: "0009_create_account_recovery",
            up: [
                """
                CREATE TABLE account_recovery (secret_hash TEXT PRIMARY KEY, user_id \(owner), kind TEXT NOT NULL, \
                expires_at REAL, used_at REAL)
                """,
                "CREATE INDEX account_recovery_user ON account_recovery (user_id)",
            ],
            down: ["DROP TABLE account_recovery"]),
        SQLiteMigration(
            name: "0010_add_place_to_users",
            up: ["ALTER TABLE users ADD COLUMN country TEXT", "ALTER TABLE users ADD COLUMN time_zone TEXT"],
            down: ["ALTER TABLE users DROP COLUMN time_zone", "ALTER TABLE users DROP COLUMN country"]),
        SQLiteMigration(
            name: "0011_create_intake_drafts",
            up: [
                """
                CREATE TABLE intake_drafts (user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, draft TEXT NOT NULL, \
                updated_at REAL NOT NULL)
                """
            ],
            down: ["DROP TABLE intake_drafts"]),
        SQLiteMigration(
            name: "0012_add_roles_to_users",
            up: [
                "ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'client'", "ALTER TABLE users ADD COLUMN display_name TEXT",
                "ALTER TABLE users ADD COLUMN profession TEXT",
            ],
            down: [
                "ALTER TABLE users DROP COLUMN profession", "ALTER TABLE users DROP COLUMN display_name",
                "ALTER TABLE users DROP COLUMN role",
            ]),
        SQLiteMigration(
            name: "0013_create_shares",
            up: [
                """
                CREATE TABLE shares (id TEXT PRIMARY KEY, client_id \(owner), \
                clinician_id TEXT REFERENCES users(id) ON DELETE CASCADE, code_hash TEXT NOT NULL UNIQUE, \
                created_at REAL NOT NULL, expires_at REAL NOT NULL, accepted_at REAL, revoked_at REAL)
                """,
                "CREATE INDEX shares_client ON shares (client_id)",
                "CREATE INDEX shares_clinician ON shares (clinician_id)",
                """
                CREATE TABLE care_events (id TEXT PRIMARY KEY, share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE, \
                client_id \(owner), clinician_id \(owner), at REAL NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL, reason TEXT)
                """,
                "CREATE INDEX care_events_client ON care_events (client_id, at)",
            ],
            down: ["DROP TABLE care_events", "DROP TABLE shares"]),
        SQLiteMigration(
            name: "0014_index_psfs_checkins",
            up: ["CREATE INDEX checkins_psfs ON checkins (user_id, date) WHERE psfs IS NOT NULL"],
            down: ["DROP INDEX checkins_psfs"]),
        SQLiteMigration(
            name: "0015_compress_session_logs",
            up: [
                "ALTER TABLE session_logs ADD COLUMN log BLOB", .code(SessionLogRewrite.compress),
                "ALTER TABLE session_logs DROP COLUMN feedback", "ALTER TABLE session_logs DROP COLUMN decisions",
            ],
            down: [
                "ALTER TABLE session_logs ADD COLUMN feedback TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE session_logs ADD COLUMN decisions TEXT NOT NULL DEFAULT ''", .code(SessionLogRewrite.expand),
                "ALTER TABLE session_logs DROP COLUMN log",
            ]),
        SQLiteMigration(
            name: "0016_create_reminders",
            up: [
                """
                CREATE TABLE reminders (user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, settings TEXT NOT NULL, \
                next_due REAL, nudged_on TEXT, advised_on TEXT)
                """,
                "CREATE INDEX reminders_due ON reminders (next_due) WHERE next_due IS NOT NULL",
                """
                CREATE TABLE push_subscriptions (endpoint TEXT PRIMARY KEY, user_id \(owner), p256dh TEXT NOT NULL, \
                auth TEXT NOT NULL, created_at REAL NOT NULL)
                """,
                "CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id)",
                "CREATE TABLE server_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            ],
            down: ["DROP TABLE server_keys", "DROP TABLE push_subscriptions", "DROP TABLE reminders"]),
        // Her check-ins stored in (user, date) order, in the key's own b-tree: a range of days is one run of pages, with no
        // second lookup per row from an index into the table, and no copy of each key in a separate index.
        SQLiteMigration(
            name: "0017_key_checkins_by_day",
            up: rebuildCheckins(key: "PRIMARY KEY (user_id, date)) WITHOUT ROWID"),
            down: rebuildCheckins(key: "UNIQUE (user_id, date))")),
    ]

    /// The check-ins table made again with `key` (the end of its definition), its rows and its PSFS index kept.
    private static func rebuildCheckins(key: String) -> [SQLiteMigrationStep] {
        [
            """
            CREATE TABLE checkins_rebuilt (user_id \(owner), date TEXT NOT NULL, pain INTEGER NOT NULL, psfs TEXT, note TEXT, \
            updated_at REAL NOT NULL, \(key)
            """,
            """
            INSERT INTO checkins_rebuilt (user_id, date, pain, psfs, note, updated_at) \
            SELECT user_id, date, pain, psfs, note, updated_at FROM checkins ORDER BY user_id, date
            """,
            "DROP TABLE checkins", "ALTER TABLE checkins_rebuilt RENAME TO checkins",
            "CREATE INDEX checkins_psfs ON checkins (user_id, date) WHERE psfs IS NOT NULL",
        ]
    }
}
