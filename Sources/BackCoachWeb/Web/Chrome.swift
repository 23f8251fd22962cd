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
    func stopPage(_ triage: TriageResult, context: AppRequestContext) throws -> Response {
        let emergency = triage.level == .emergency
        return try html(
            "pages/stop",
            StopPage(
                chrome: Chrome(title: emergency ? "Get help now" : "Please get help today", context: context, assets: assets),
                emergency: emergency, heading: emergency ? "Please stop and get help now" : "Please contact a health professional today",
                action: triage.action ?? "", flags: triage.flags))
    }
}
