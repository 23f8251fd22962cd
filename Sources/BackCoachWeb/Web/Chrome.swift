import BackCoachContent
import BackCoachCore
import Hummingbird

/// What every page's layout needs: title, navigation state, the CSRF token and asset URLs.
struct Chrome {
    let title: String
    let signedIn: Bool
    let csrf: String
    let css: String
    let appJS: String
    /// Follow-up safety questions and the time zone at sign-up; only pages with such forms load it.
    let formsJS: String
    let manifest: String
    let disclaimer: String
    let section: Section

    enum Section: String {
        case home, today, checkin, progress, learn, settings, none
    }

    var isToday: Bool { section == .today }
    var isCheckin: Bool { section == .checkin }
    var isProgress: Bool { section == .progress }
    var isLearn: Bool { section == .learn }
    var isSettings: Bool { section == .settings }

    init(title: String, context: AppRequestContext, section: Section = .none, assets: Assets, csrf: String? = nil) {
        self.title = title
        self.signedIn = context.webSession != nil
        self.csrf = csrf ?? context.webSession?.csrfToken ?? ""
        self.css = assets.url("app.css")
        self.appJS = assets.url("app.js")
        self.formsJS = assets.url("forms.js")
        self.manifest = "/manifest.webmanifest"
        self.disclaimer = Disclaimer.text
        self.section = section
    }
}

struct ErrorPage {
    let chrome: Chrome
    let status: Int
    let heading: String
    let detail: String
}

extension WebRenderer {
    func errorPage(_ problem: Problem, context: AppRequestContext) throws -> Response {
        let heading =
            switch problem.status {
            case .notFound: "We can't find that page"
            case .forbidden: "That didn't work"
            case .badRequest, .contentTooLarge: "Something in the form needs a look"
            case .tooManyRequests: "Please wait a moment"
            default: "Sorry, something went wrong"
            }
        var response = try html(
            "pages/error",
            ErrorPage(
                chrome: Chrome(title: heading, context: context, assets: assets), status: Int(problem.status.code), heading: heading,
                detail: problem.detail),
            status: problem.status)
        for field in problem.headers { response.headers.append(field) }
        return response
    }
}

extension WebRenderer {
    /// What to do now, in large type, and no program: after an emergency or urgent answer, in the wizard or the safety check.
    /// `contacts` are her country's numbers (or the fallback words); the page shows the ones this result calls for.
    func stopPage(_ triage: TriageResult, contacts: Contacts, context: AppRequestContext) throws -> Response {
        let emergency = triage.level == .emergency
        return try html(
            "pages/stop",
            StopPage(
                chrome: Chrome(title: emergency ? "Get help now" : "Please get help", context: context, assets: assets),
                // The headline keeps the most urgent flag's own timing: "within 48 hours" is never shouted as "today".
                emergency: emergency, heading: (triage.timing ?? .today).headline,
                action: triage.action ?? "", flags: triage.flags, contacts: contacts.needed(for: triage)))
    }
}
