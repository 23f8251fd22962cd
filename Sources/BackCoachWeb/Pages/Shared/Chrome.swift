import BackCoachContent
import BackCoachCore
import Hummingbird

/// What every page's layout needs: title, navigation state, the CSRF token and asset URLs.
struct Chrome {
    let title: String
    let signedIn: Bool
    let csrf: String
    let css: String
    /// Every page's styles but the session player's, which loads only `css` to stay light.
    let pagesCSS: String
    let appJS: String
    /// Read aloud, copy, print and the voice setting, for the pages that offer them.
    let toolsJS: String
    /// Follow-up safety questions and the time zone at sign-up; only pages with such forms load it.
    let formsJS: String
    /// Turning on reminders in this browser (the permission prompt, the push subscription); settings only.
    let remindersJS: String
    let manifest: String
    let disclaimer: String
    let section: Section
    /// A clinician's pages have their own navigation: their clients, not a plan.
    let isClinician: Bool

    enum Section: String {
        case home, today, checkin, progress, learn, settings, clients, none
    }

    /// Which navigation link is this page (`aria-current`). Stored, not computed: templates see a model's stored
    /// properties only (through reflection), so computed flags here once read as missing and no link was marked.
    let isToday: Bool
    let isCheckin: Bool
    let isProgress: Bool
    let isLearn: Bool
    let isSettings: Bool
    let isClients: Bool

    init(title: String, context: AppRequestContext, section: Section = .none, assets: Assets, csrf: String? = nil) {
        self.title = title
        self.signedIn = context.webSession != nil
        self.csrf = csrf ?? context.webSession?.csrfToken ?? ""
        self.css = assets.url("app.css")
        self.pagesCSS = assets.url("pages.css")
        self.appJS = assets.url("app.js")
        self.toolsJS = assets.url("tools.js")
        self.formsJS = assets.url("forms.js")
        self.remindersJS = assets.url("reminders.js")
        self.manifest = "/manifest.webmanifest"
        self.disclaimer = Disclaimer.text
        self.section = section
        (isToday, isCheckin, isProgress) = (section == .today, section == .checkin, section == .progress)
        (isLearn, isSettings, isClients) = (section == .learn, section == .settings, section == .clients)
        self.isClinician = context.user?.role == .clinician
    }
}
