import BackCoachServices

/// Sign-up and sign-in: the e-mail as she typed it, the error beside the form, and (sign-up) where she lives.
struct CredentialsPage {
    let chrome: Chrome
    let email: String
    let error: String?
    /// Sign-up asks where she lives, preselected from the browser's language.
    let countries: [CountryChoice]
    /// A clinician's sign-up keeps their name and profession when it is refused.
    var name = ""
    var profession = ""
}

/// One country in a list of all of them, for sign-up and settings.
struct CountryChoice {
    let code: String
    let name: String
    let selected: Bool

    /// Every country, with `selected` preselected.
    static func all(selected: String?) -> [CountryChoice] {
        ProfileService.countryChoices.map { .init(code: $0.code, name: $0.name, selected: $0.code == selected) }
    }
}
