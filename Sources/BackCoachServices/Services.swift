import BackCoachContent
import BackCoachStorage
import Foundation

/// Every operation BackCoach offers, one service per feature. The API, the web pages and the CLI all call these,
/// so each rule lives once. Built once at start-up; holds the only reference to the store that interfaces see.
/// A class, so handing it to every request (the generated API router copies its handler per call) costs one
/// reference count, not one per service: copying the struct it once was took 10% of the server's time.
public final class Services: Sendable {
    public let accounts: AccountService
    public let recovery: RecoveryService
    public let profile: ProfileService
    public let program: ProgramService
    public let intakeDrafts: IntakeDraftService
    public let today: TodayService
    public let safety: SafetyCheckService
    public let sessions: SessionService
    public let nextMorning: NextMorningService
    public let runningCheck: RunningCheckService
    public let checkins: CheckinService
    public let progress: ProgressService
    public let calendar: CalendarService
    public let exports: ExportService
    public let search: SearchService
    public let shares: ShareService
    public let clinician: ClinicianService
    public let reminders: ReminderService
    public let reminderScheduler: ReminderScheduler
    public let content: ContentLibrary

    public init(
        store: any BackCoachStore, content: ContentLibrary, passwords: PasswordHasher, throttle: SignInThrottle? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, publicBaseURL: String = "http://127.0.0.1:8080", mailer: (any Mailer)? = nil,
        push: PushSettings = PushSettings()
    ) {
        let context = ServiceContext(store: store, content: content, now: now, publicBaseURL: publicBaseURL)
        let program = ProgramService(context: context)
        self.content = content
        self.program = program
        intakeDrafts = IntakeDraftService(context: context)
        accounts = AccountService(context: context, passwords: passwords, throttle: throttle ?? SignInThrottle(store: store))
        recovery = RecoveryService(context: context, accounts: accounts, mailer: mailer)
        profile = ProfileService(context: context)
        today = TodayService(context: context, program: program)
        safety = SafetyCheckService(context: context)
        sessions = SessionService(context: context, program: program)
        nextMorning = NextMorningService(context: context, program: program)
        runningCheck = RunningCheckService(context: context, program: program)
        checkins = CheckinService(context: context)
        progress = ProgressService(context: context)
        calendar = CalendarService(context: context, program: program)
        exports = ExportService(context: context)
        search = SearchService(content: content)
        shares = ShareService(context: context)
        clinician = ClinicianService(context: context, program: program, throttle: accounts.throttle)
        let sender = WebPushSender(
            transport: push.transport, keyring: VAPIDKeyring(store: store), contact: push.contact(publicBaseURL: publicBaseURL), now: now)
        reminders = ReminderService(context: context, sender: sender, allowLoopbackEndpoints: push.allowLoopbackEndpoints)
        reminderScheduler = ReminderScheduler(
            context: context, today: today, delivery: ReminderDelivery(context: context, sender: sender))
    }
}
