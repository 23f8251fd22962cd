import BackCoachContent
import BackCoachCore
import BackCoachStorage
import Foundation
import Testing

@testable import BackCoachServices

/// The scheduler with a controlled clock, a push service stand-in that decrypts what it gets, and her time zone.
@Suite("Reminders: when they are sent, and when not")
struct ReminderSchedulerTests {
    static let content = try! ContentLibrary.bundled()
    static let everyDay = IntakeAnswers(
        weeksSinceBirth: 10, delivery: .vaginal, clinicianCleared: true, painAtRest: 3, painAreas: [.lowBack], minutesPerDay: 10,
        daysPerWeek: 7)
    static let morning = ReminderSettings(enabled: true, days: Set(0...6), time: 8 * 60 + 30, quietFrom: 21 * 60, quietUntil: 7 * 60)

    /// One app server: its services on `store`, pushing to `push`.
    static func server(_ store: InMemoryStore, _ clock: MovableClock, _ push: PushServiceStandIn) -> Services {
        Services(
            store: store, content: content, passwords: PasswordHasher(cost: 4), now: { clock.now },
            push: PushSettings(transport: push, contact: "mailto:ops@backcoach.test"))
    }

    struct World {
        let store = InMemoryStore()
        let push = PushServiceStandIn()
        let clock: MovableClock
        let services: Services
        let user: User

        init(zone: String, start: String, intake: IntakeAnswers = everyDay, settings: ReminderSettings = morning) async throws {
            clock = MovableClock(ISO8601DateFormatter().date(from: start)!)
            services = ReminderSchedulerTests.server(store, clock, push)
            user = User(
                id: UserID(), email: "\(UUID())@example.test", passwordHash: "x", createdAt: clock.now, calendarSecret: "\(UUID())",
                timeZone: zone)
            try await store.createUser(user)
            _ = try await services.program.saveIntake(intake, for: user)
            try await services.reminders.subscribe(
                endpoint: "https://push.example.test/\(UUID())", p256dh: push.p256dh, auth: push.auth, for: user)
            _ = try await services.reminders.save(settings, for: user)
        }

        var nextDue: Date? { get async throws { try await store.reminder(for: user.id)?.nextDue } }

        /// Moves the clock to `moment` and runs one pass.
        @discardableResult
        func tick(at moment: Date, on server: Services? = nil) async throws -> ReminderScheduler.Report {
            clock.set(moment)
            return try await (server ?? services).reminderScheduler.tick(now: moment)
        }

        /// Logs a session on `date` as the app would store it.
        func logSession(on date: LocalDate) async throws {
            let program = try await store.program(for: user.id)
            let log = SessionLog(date: date, feedback: [], decisions: [], createdAt: clock.now)
            try await store.changeProgram(for: user.id, on: date) { _ in ProgramChange(program: program, session: log, result: ()) }
        }
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("At her time in her zone, with text that says no health details, encrypted for her browser")
    func rightMinute() async throws {
        let world = try await World(zone: "America/New_York", start: "2026-12-07T06:00:00Z")
        #expect(try await world.nextDue == Self.utc("2026-12-07T13:30:00Z"), "08:30 in New York is 13:30 UTC in winter")
        #expect(try await world.tick(at: Self.utc("2026-12-07T13:29:59Z")).claimed == 0)
        let report = try await world.tick(at: Self.utc("2026-12-07T13:30:00Z"))
        #expect(report.claimed == 1)
        let received = try #require(world.push.received.only)
        let session = try #require(try await world.services.today.day(LocalDate("2026-12-07")!, for: world.user).session)
        #expect(received.payload["body"] == "Today: \(session.estimatedMinutes) minutes, \(session.exercises.count) exercises.")
        #expect(received.payload["url"] == "/today" && received.payload["title"] == "BackCoach")
        #expect(received.headers["Content-Encoding"] == "aes128gcm" && received.headers["Urgency"] == "normal")
        #expect(received.headers["TTL"] == "14400")
        #expect(received.headers["Authorization"]?.hasPrefix("vapid t=") == true)
        #expect(try await world.nextDue == Self.utc("2026-12-08T13:30:00Z"))
    }

    @Test("Across daylight saving, 08:30 stays 08:30 where she lives")
    func daylightSaving() async throws {
        let world = try await World(zone: "Europe/London", start: "2027-03-26T12:00:00Z")
        // Spring: 27 March is still GMT, 28 March is BST.
        for expected in ["2027-03-27T08:30:00Z", "2027-03-28T07:30:00Z", "2027-03-29T07:30:00Z"] {
            #expect(try await world.nextDue == Self.utc(expected))
            try await world.tick(at: Self.utc(expected))
        }
        #expect(world.push.received.count == 3)
        // Autumn: the clocks go back on 31 October.
        let settings = try #require(try await world.store.reminder(for: world.user.id)?.settings)
        #expect(
            ReminderSchedule.nextDue(after: Self.utc("2027-10-30T12:00:00Z"), settings: settings, zone: world.user.zone!)
                == Self.utc("2027-10-31T08:30:00Z"))
        #expect(
            ReminderSchedule.nextDue(after: Self.utc("2027-10-29T12:00:00Z"), settings: settings, zone: world.user.zone!)
                == Self.utc("2027-10-30T07:30:00Z"))
    }

    @Test("Moving to another time zone moves the next reminder: 08:30 is 08:30 where she now lives")
    func movedZone() async throws {
        let world = try await World(zone: "Europe/London", start: "2026-12-07T06:00:00Z")
        #expect(try await world.nextDue == Self.utc("2026-12-07T08:30:00Z"))
        _ = try await world.services.profile.setPlace(country: nil, timeZone: "Australia/Sydney", for: world.user)
        #expect(try await world.nextDue == Self.utc("2026-12-07T21:30:00Z"), "08:30 on 8 December in Sydney (UTC+11)")
    }

    @Test("Two servers that see the same reminder due send it once")
    func twoServers() async throws {
        let world = try await World(zone: "Europe/Dublin", start: "2026-12-07T06:00:00Z")
        let other = Self.server(world.store, world.clock, world.push)
        let due = try #require(try await world.nextDue)
        world.clock.set(due)
        async let first = world.services.reminderScheduler.tick(now: due)
        async let second = other.reminderScheduler.tick(now: due)
        let claimed = try await first.claimed + second.claimed
        #expect(claimed == 1)
        #expect(world.push.received.count == 1)
    }

    @Test("A restart neither repeats a reminder nor drops one due while the server was down")
    func restart() async throws {
        let world = try await World(zone: "Europe/Dublin", start: "2026-12-07T06:00:00Z")
        let due = try #require(try await world.nextDue)
        try await world.tick(at: due)
        let restarted = Self.server(world.store, world.clock, world.push)
        try await world.tick(at: due.addingTimeInterval(10), on: restarted)
        #expect(world.push.received.count == 1, "not repeated after the restart")
        // Down over the next one: sent when back within the hour, and the one after that is still on time.
        let next = try #require(try await world.nextDue)
        let late = try await world.tick(at: next.addingTimeInterval(20 * 60), on: Self.server(world.store, world.clock, world.push))
        #expect(late.sent.count == 1 && world.push.received.count == 2)
        #expect(try await world.nextDue == next.addingTimeInterval(86_400))
        // Down for hours: "today's session" at tea time would be wrong, so that one waits for tomorrow.
        let after = try #require(try await world.nextDue)
        let stale = try await world.tick(at: after.addingTimeInterval(3 * 3600))
        #expect(stale.late == 1 && world.push.received.count == 2)
        #expect(try await world.nextDue == after.addingTimeInterval(86_400))
    }

    @Test("Nothing is sent in quiet hours, even a reminder running late into them")
    func quietHours() async throws {
        let evening = ReminderSettings(enabled: true, days: Set(0...6), time: 20 * 60 + 45, quietFrom: 21 * 60, quietUntil: 7 * 60)
        let world = try await World(zone: "UTC", start: "2026-12-07T06:00:00Z", settings: evening)
        let due = try #require(try await world.nextDue)
        let report = try await world.tick(at: due.addingTimeInterval(25 * 60))
        #expect(report.quiet == 1 && world.push.received.isEmpty)
        var inside = evening
        inside.time = 22 * 60
        await #expect(throws: ServiceError.invalid("Your reminder time is inside your quiet hours. Choose another time.", field: "time")) {
            _ = try await world.services.reminders.save(inside, for: world.user)
        }
    }

    @Test("After 3 planned days missed: one gentle message, then nothing until she is back")
    func missedDays() async throws {
        let world = try await World(zone: "UTC", start: "2026-12-07T06:00:00Z")
        var bodies: [String] = []
        for _ in 0..<6 {
            let due = try #require(try await world.nextDue)
            try await world.tick(at: due)
            bodies.append(world.push.received.last?.payload["body"] ?? "")
        }
        let sent = world.push.received.map { $0.payload["body"] ?? "" }
        #expect(sent.count == 4, "three session reminders, then the missed-days message once: \(sent)")
        #expect(sent.last == ReminderMessage.missedDays.body)
        #expect(sent.filter { $0 == ReminderMessage.missedDays.body }.count == 1)
        // She is back: a session on the sixth day; the seventh day's reminder is the session again.
        try await world.logSession(on: LocalDate("2026-12-12")!)
        try await world.tick(at: try #require(try await world.nextDue))
        #expect(world.push.received.count == 5 && world.push.received.last?.payload["body"]?.hasPrefix("Today: ") == true)
    }

    @Test("A rest day that offers yesterday's missed session as a catch-up stays quiet: only planned days remind")
    func catchUpDayQuiet() async throws {
        var threeDays = Self.everyDay
        threeDays.daysPerWeek = 3
        let world = try await World(zone: "UTC", start: "2026-12-07T06:00:00Z", intake: threeDays)
        let schedule = try #require(try await world.services.program.current(for: world.user).schedule)
        var reminded: [LocalDate] = []
        for _ in 0..<7 {
            let due = try #require(try await world.nextDue)
            let before = world.push.received.count
            try await world.tick(at: due)
            if world.push.received.count > before { reminded.append(LocalDate(due, in: world.user.zone!)) }
        }
        let planned = schedule.sessionDays(from: LocalDate("2026-12-07")!, to: LocalDate("2026-12-13")!).map(\.date)
        #expect(reminded == planned, "reminded on \(reminded), planned \(planned)")
    }

    @Test("With no browser to tell, nothing counts as said: the missed-days message waits for one")
    func noBrowser() async throws {
        let world = try await World(zone: "UTC", start: "2026-12-07T06:00:00Z")
        for subscription in try await world.store.pushSubscriptions(for: world.user.id) {
            _ = try await world.store.removePushSubscription(endpoint: subscription.endpoint)
        }
        for _ in 0..<4 { try await world.tick(at: try #require(try await world.nextDue)) }
        #expect(try await world.store.reminder(for: world.user.id)?.nudgedOn == nil)
        try await world.services.reminders.subscribe(
            endpoint: "https://push.example.test/\(UUID())", p256dh: world.push.p256dh, auth: world.push.auth, for: world.user)
        try await world.tick(at: try #require(try await world.nextDue))
        #expect(world.push.received.map { $0.payload["body"] } == [ReminderMessage.missedDays.body])
    }

    @Test("While her plan is withheld, one message points to the advice, and none says to exercise")
    func withheld() async throws {
        var flagged = Self.everyDay
        flagged.redFlags = [.rf01]
        let world = try await World(zone: "UTC", start: "2026-12-07T06:00:00Z", intake: flagged)
        #expect(try await world.services.today.day(for: world.user).status == .withheld)
        for _ in 0..<3 { try await world.tick(at: try #require(try await world.nextDue)) }
        #expect(world.push.received.map { $0.payload["body"] } == [ReminderMessage.readAdvice.body])
    }

    @Test("A subscription the push service calls gone (410) is removed; a test reminder needs a browser")
    func goneSubscription() async throws {
        let world = try await World(zone: "UTC", start: "2026-12-07T06:00:00Z")
        world.push.answer(410)
        #expect(try await world.services.reminders.sendTest(for: world.user) == 0)
        #expect(try await world.store.pushSubscriptions(for: world.user.id).isEmpty)
        await #expect(throws: ServiceError.self) { _ = try await world.services.reminders.sendTest(for: world.user) }
        #expect(world.push.received.first?.payload["body"] == ReminderMessage.test.body)
    }

    @Test("Subscriptions: https only (plain http on loopback only when allowed), and real keys")
    func subscriptionChecks() async throws {
        let world = try await World(zone: "UTC", start: "2026-12-07T06:00:00Z")
        let reminders = world.services.reminders
        for endpoint in [
            "http://push.example.test/x", "http://127.0.0.1:9/x", "ftp://push.example.test/x", "not a url", "https://10.0.0.5/x",
            "https://[fd00::1]/x", "https://localhost/x", "https://127.0.0.1/x",
        ] {
            await #expect(throws: ServiceError.self, "\(endpoint)") {
                try await reminders.subscribe(endpoint: endpoint, p256dh: world.push.p256dh, auth: world.push.auth, for: world.user)
            }
        }
        await #expect(throws: ServiceError.self) {
            try await reminders.subscribe(endpoint: "https://push.example.test/y", p256dh: "abc", auth: world.push.auth, for: world.user)
        }
        await #expect(throws: ServiceError.self) {
            try await reminders.subscribe(endpoint: "https://push.example.test/y", p256dh: world.push.p256dh, auth: "abc", for: world.user)
        }
        let loopback = Services(
            store: world.store, content: Self.content, passwords: PasswordHasher(cost: 4), now: { world.clock.now },
            push: PushSettings(transport: world.push, allowLoopbackEndpoints: true))
        try await loopback.reminders.subscribe(
            endpoint: "http://127.0.0.1:9/x", p256dh: world.push.p256dh, auth: world.push.auth, for: world.user)
        #expect(try await world.services.reminders.view(for: world.user).devices == 2)
    }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
