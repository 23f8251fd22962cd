import BackCoachContent
import BackCoachServices
import BackCoachStorage
import Foundation
import HTTPTypes
import Hummingbird

/// Home, sign-up, sign-in, sign-out and the disclaimer.
struct AuthPagesController {
    let accounts: AccountService
    let recovery: RecoveryService
    let program: ProgramService
    let publicBaseURL: String
    let renderer: WebRenderer

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.home) { request, context in
            let deleted = request.uri.queryParameters["deleted"] == "1" && context.webSession == nil
            return try renderer.html("pages/home", HomePage(chrome: chrome("BackCoach", context, .home), deleted: deleted))
        }
        router.get(PagePath.disclaimer) { _, context in
            try renderer.html("pages/disclaimer", HomePage(chrome: chrome("Education, not medical advice", context), deleted: false))
        }
        router.get(PagePath.signUp) { request, context in try credentialsPage("pages/signup", "Create your account", request, context) }
        router.get(PagePath.signIn) { request, context in try credentialsPage("pages/signin", "Sign in", request, context) }
        router.post(PagePath.signUp, use: signUp)
        router.post(PagePath.signIn, use: signIn)
        router.post(PagePath.signOut, use: signOut)
        addRecoveryRoutes(to: router)
        addClinicianSignUp(to: router)
    }

    func chrome(_ title: String, _ context: AppRequestContext, _ section: Chrome.Section = .none, csrf: String? = nil) -> Chrome {
        Chrome(title: title, context: context, section: section, assets: renderer.assets, csrf: csrf)
    }

    /// Pre-sign-in forms use a double-submit token: the same random value in a cookie and in the form.
    func credentialsPage(
        _ template: String, _ title: String, _ request: Request, _ context: AppRequestContext, email: String = "", error: String? = nil,
        country: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let countries = template == "pages/signup" ? CountryChoice.all(selected: country ?? request.countryFromLanguage) : []
        return try preSignInPage(template, title, request, context, status: status) {
            CredentialsPage(chrome: $0, email: email, error: error, countries: countries)
        }
    }

    /// Any page shown before sign-in with a form on it: `model` gets the page chrome carrying the form's token.
    func preSignInPage(
        _ template: String, _ title: String, _ request: Request, _ context: AppRequestContext, status: HTTPResponse.Status = .ok,
        model: (Chrome) -> Any
    ) throws -> Response {
        let token = Cookies.value(Cookies.csrf, in: request).flatMap { Cookies.isWellFormed($0) ? $0 : nil } ?? Secrets.random()
        var response = try renderer.html(template, model(chrome(title, context, csrf: token)), status: status)
        let secure = Cookies.isSecure(request, publicBaseURL: publicBaseURL)
        response.headers[.setCookie] = Cookies.header(Cookies.csrf, token, maxAge: nil, secure: secure)
        return response
    }

    /// The body of a form posted before sign-in, once its cookie-bound token checks out.
    func preSignInForm<Form: FixedForm>(_ type: Form.Type, _ request: Request, _ context: AppRequestContext) async throws -> Form {
        var request = request
        let form = try await request.fixedForm(type, context: context)
        guard let cookie = Cookies.value(Cookies.csrf, in: request), Cookies.isWellFormed(cookie), let sent = form.csrf,
            Secrets.constantTimeEqual(cookie, sent)
        else {
            throw Problem(.forbidden, "This form has expired. Go back, reload the page and try again.")
        }
        return form
    }

    @Sendable func signUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await preSignInForm(SignUpForm.self, request, context)
        do {
            let user = try await accounts.signUp(
                // The time zone comes from the browser, unseen: one the server doesn't know is left out, not refused.
                email: form.email, password: form.password, country: form.country,
                timeZone: (try? ProfileService.checkedTimeZone(form.timeZone)) ?? nil,
                address: context.clientAddress)
            return try await signedIn(user, request: request, goTo: PagePath.start)
        } catch let error as ServiceError {
            let problem = Problem(error)
            return try credentialsPage(
                "pages/signup", "Create your account", request, context, email: form.email?.trimmed ?? "", error: error.message,
                country: form.country, status: problem.status)
        }
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await preSignInForm(SignInForm.self, request, context)
        do {
            let device = Cookies.value(Cookies.device, in: request).flatMap { Cookies.isWellFormed($0) ? $0 : nil }
            let user = try await accounts.signIn(
                email: form.email, password: form.password, address: context.clientAddress, device: device)
            var response = try await signedIn(
                user, request: request, goTo: try await program.hasAnswers(user) ? PagePath.today : PagePath.start)
            let remembered = try await accounts.rememberDevice(device, for: user.id)
            response.headers.append(
                HTTPField(
                    name: .setCookie,
                    value: Cookies.header(
                        Cookies.device, remembered, maxAge: 365 * 24 * 3600, secure: Cookies.isSecure(request, publicBaseURL: publicBaseURL)
                    )))
            return response
        } catch let error as ServiceError {
            let problem = Problem(error)
            var response = try credentialsPage(
                "pages/signin", "Sign in", request, context, email: form.email?.trimmed ?? "", error: error.message, status: problem.status)
            for field in problem.headers { response.headers.append(field) }
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.fixedForm(ButtonForm.self, context: context)
        if context.webSession != nil { try context.checkCSRF(sent: form.csrf) }
        // The session ends on the server, not just in the browser.
        if let cookie = Cookies.value(Cookies.session, in: request) {
            try await accounts.endWebSession(cookie: cookie)
        }
        let secure = Cookies.isSecure(request, publicBaseURL: publicBaseURL)
        return Response(
            status: .seeOther,
            headers: [.location: PagePath.home, .setCookie: Cookies.header(Cookies.session, "", maxAge: 0, secure: secure)])
    }

    func signedIn(_ user: User, request: Request, goTo location: String) async throws -> Response {
        let token = try await accounts.startWebSession(for: user.id)
        let secure = Cookies.isSecure(request, publicBaseURL: publicBaseURL)
        return Response(
            status: .seeOther,
            headers: [
                .location: location,
                .setCookie: Cookies.header(Cookies.session, token, maxAge: Int(AccountService.webSessionLifetime), secure: secure),
            ])
    }
}
