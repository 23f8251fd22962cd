import BackCoachStorage
import Hummingbird

/// Every page's address, named once: the page controllers register their routes with these, redirects point at
/// them, and `PagePathTests` checks that every link and form in the templates goes to one of them. The JSON API's
/// paths are named by openapi.yaml instead.
enum PagePath {
    static let home = "/"
    static let disclaimer = "/disclaimer"
    static let signUp = "/signup"
    static let signIn = "/signin"
    static let signOut = "/signout"
    static let forgot = "/forgot"
    static let recover = "/recover"
    static let reset = "/reset"

    static let start = "/start"
    static let startAdvice = "/start/advice"
    static let plan = "/plan"
    static let runningCheck = "/plan/running"

    static let today = "/today"
    static let todayScreen = "/today/screen"
    static let todayNextMorning = "/today/next-morning"
    static let todayCleared = "/today/cleared"
    static let session = "/session"
    static let sessionStop = "/session/stop"

    static let checkin = "/checkin"
    static let progress = "/progress"

    static let learn = "/learn"
    static let article = "/learn/:slug"
    static let exercise = "/exercises/:id"
    static let search = "/search"

    static let settings = "/settings"
    static let settingsCeiling = "/settings/ceiling"
    static let settingsPlace = "/settings/place"
    static let settingsCalendar = "/settings/calendar"
    static let settingsDelete = "/settings/delete"
    static let settingsPassword = "/settings/password"
    static let settingsRecoveryCodes = "/settings/recovery-codes"
    static let settingsEmail = "/settings/email"
    static let settingsSchedule = "/settings/schedule"
    static let settingsReminders = "/settings/reminders"
    static let settingsRemindersSubscribe = "/settings/reminders/subscribe"
    static let settingsRemindersUnsubscribe = "/settings/reminders/unsubscribe"
    static let settingsRemindersTest = "/settings/reminders/test"
    static let settingsExportCSV = "/settings/export.csv"
    static let settingsExportFHIR = "/settings/export.fhir"

    static let sharing = "/settings/sharing"
    static let sharingRevoke = "/settings/sharing/revoke"

    static let clinician = "/clinician"
    static let clinicianSignUp = "/clinician/signup"
    static let clinicianLink = "/clinician/link"
    static let clinicianClient = "/clinician/clients/:id"
    static let clinicianAdjust = "/clinician/clients/:id/adjust"
    static let clinicianSummary = "/clinician/clients/:id/summary"
    static let clinicianExport = "/clinician/clients/:id/export.fhir"

    static let asset = "/assets/:name"
    static let figure = "/figures/:file"
    static let manifest = "/manifest.webmanifest"
    static let serviceWorker = "/sw.js"

    /// One step of the intake wizard (0 is the first).
    static func start(step: Int) -> String { "/start?step=\(step)" }
    /// An article's page.
    static func article(_ slug: String) -> String { "/learn/\(slug)" }
    /// A client's page for her clinician.
    static func clinicianClient(_ id: UserID) -> String { "/clinician/clients/\(id)" }
    /// An exercise's page.
    static func exercise(_ id: String) -> String { "/exercises/\(id)" }
}

extension RouterMethods {
    @discardableResult
    func get(_ path: String, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        get(RouterPath(path), use: handler)
    }

    @discardableResult
    func post(_ path: String, use handler: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator) -> Self {
        post(RouterPath(path), use: handler)
    }
}
