import BackCoachContent
import BackCoachCore
import BackCoachServices
import BackCoachStorage
import BackCoachStorageFluent
import BackCoachStorageSQLite
import BackCoachWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

private let sharedContent = Result { try ContentLibrary.bundled() }

/// The page templates, loaded once per test run.
actor RendererCache {
    static let shared = RendererCache()
    private var renderer: WebRenderer?

    func get() async throws -> WebRenderer {
        if let renderer { return renderer }
        let loaded = try await WebRenderer.bundled()
        renderer = loaded
        return loaded
    }
}

func sharedRenderer() async throws -> WebRenderer { try await RendererCache.shared.get() }

/// A clock tests can move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_600_800)) {  // 2026-11-25 10:00 UTC
        current = start
    }

    var now: Date { lock.withLock { current } }

    func advance(seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

enum StoreKind: String, CaseIterable, Sendable {
    case memory, sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["BACKCOACH_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The stores this run can use: PostgreSQL only when BACKCOACH_TEST_POSTGRES_URL is set.
    static var available: [StoreKind] { postgresURL == nil ? [.memory, .sqlite] : allCases }
}

/// One migrated PostgreSQL pool for the whole run (users keep tests apart).
actor SharedPostgresPool {
    static let shared = SharedPostgresPool()
    private var setup: Task<FluentDatabase, any Error>?

    func database() async throws -> FluentDatabase {
        if setup == nil {
            setup = Task {
                let database = try FluentDatabase(
                    postgresURL: StoreKind.postgresURL ?? "", logger: Logger(label: "test"), connectionWait: .seconds(60))
                do {
                    try await database.migrate()
                } catch {
                    await database.shutdown()
                    throw error
                }
                return database
            }
        }
        return try await setup!.value
    }
}

struct TestApp {
    let client: any TestClientProtocol
    let clock: TestClock
    /// What the app logged so far.
    let logs: LogCapture
    /// The router's routes as "METHOD /path/{param}", for comparing with the OpenAPI document.
    let routes: Set<String>
    /// Statements run against the database so far (SQLite only): what a request costs.
    var statements: StatementCounter? = nil

    /// Runs `body` against the real router with a fresh store; bcrypt cost 4 keeps sign-ups fast.
    static func run(
        _ kind: StoreKind = .memory, content: ContentLibrary? = nil, signUpsPerHour: Int = 1000, mailer: (any Mailer)? = nil,
        _ body: @escaping @Sendable (TestApp) async throws -> Void
    ) async throws {
        let clock = TestClock()
        var database: SQLiteDatabase?
        let store: any BackCoachStore
        switch kind {
        case .memory:
            store = InMemoryStore()
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("web-\(UUID().uuidString).sqlite").path
            let sqlite = try SQLiteDatabase(path: path, countingStatements: true)
            database = sqlite
            do {
                try await sqlite.migrate()
            } catch {
                await sqlite.shutdown()
                throw error
            }
            store = sqlite.store
        case .postgres:
            store = FluentStore(database: try await SharedPostgresPool.shared.database())
        }
        let dependencies = WebDependencies(
            store: store, content: try content ?? sharedContent.get(), passwords: PasswordHasher(cost: 4),
            throttle: SignInThrottle(store: OwnAddressThrottleStore(store), signUpsPerAddressPerHour: signUpsPerHour), now: { clock.now },
            metricsText: { "# TYPE test counter\n" }, publicBaseURL: "http://backcoach.test", mailer: mailer)
        let router = try buildRouter(dependencies, renderer: try await sharedRenderer())
        let routes = Set(
            router.routes.map { route in
                let path = route.path.components.map { "\($0)" }.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }
                return "\(route.method.rawValue) /" + path.joined(separator: "/")
            })
        let logs = LogCapture()
        let app = Application(router: HeadAsGet(router), logger: logs.logger)
        let statements = database?.statements
        do {
            try await app.test(.router) { client in
                try await body(TestApp(client: client, clock: clock, logs: logs, routes: routes, statements: statements))
            }
        } catch {
            await database?.shutdown()
            throw error
        }
        await database?.shutdown()
    }

    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil, body: ByteBuffer? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body ?? json.map { ByteBuffer(string: $0) })
    }

    /// Signs up and returns the new account's token.
    func signUp(_ email: String = "mum-\(UUID())@example.test", password: String = "correct horse battery") async throws -> String {
        let response = try await request(.post, "/api/v1/accounts", json: #"{"email":"\#(email)","password":"\#(password)"}"#)
        guard response.status == .created, let token = try response.object()["token"] as? String else {
            throw TestFailure("sign-up failed: \(response.status) \(String(buffer: response.body))")
        }
        return token
    }

    /// Files a clear before-session safety check for `date`, which a session on that day needs.
    func clearSafetyCheck(_ token: String, date: String = Samples.today) async throws {
        let response = try await request(
            .post, "/api/v1/me/screens", token: token, json: #"{"date":"\#(date)","redFlags":[],"painAtRest":2,"painWorsening":false}"#)
        guard response.status == .created else { throw TestFailure("safety check failed: \(response.text)") }
    }

    /// Signs up and sends the example intake; returns the token.
    func onboardedUser(intake: String = Samples.intake) async throws -> String {
        let token = try await signUp()
        let response = try await request(.put, "/api/v1/me/intake", token: token, json: intake)
        guard response.status == .ok else { throw TestFailure("intake failed: \(String(buffer: response.body))") }
        return token
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension TestResponse {
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed]) }
    func object() throws -> [String: Any] { (try json() as? [String: Any]) ?? [:] }
    var text: String { String(buffer: body) }
    /// The `detail` of a problem response.
    var detail: String { ((try? object())?["detail"] as? String) ?? "" }
}

enum Samples {
    static let intake = """
        {"weeksSinceBirth": 8, "delivery": "vaginal", "clinicianCleared": true, "painAtRest": 4, "painAreas": ["lowBack"],
         "glutes": ["clenching"], "breastfeeding": true, "minutesPerDay": 10, "daysPerWeek": 4, "equipment": []}
        """
    static let today = "2026-11-25"
}
