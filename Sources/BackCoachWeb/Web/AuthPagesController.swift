import BackCoachContent
import BackCoachStorage
import Foundation
import Hummingbird

/// Home, sign-up, sign-in, sign-out and the disclaimer.
struct AuthPagesController {
    let dependencies: WebDependencies
    let renderer: WebRenderer
    var service: AccountService { AccountService(dependencies: dependencies) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/") { request, context in
            let deleted = request.uri.queryParameters["deleted"] == "1" && context.webSession == nil
            return try renderer.html("pages/home", HomePage(chrome: chrome("BackCoach", context, .home), deleted: deleted))
        }
        router.get("/disclaimer") { _, context in
            try renderer.html("pages/disclaimer", HomePage(chrome: chrome("Education, not medical advice", context), deleted: false))
        }
        router.get("/signup") { request, context in try credentialsPage("pages/signup", "Create your account", request, context) }
        router.get("/signin") { request, context in try credentialsPage("pages/signin", "Sign in", request, context) }
        router.post("/signup", use: signUp)
        router.post("/signin", use: signIn)
        router.post("/signout", use: signOut)
    }

    struct HomePage {
        let chrome: Chrome
        /// Just deleted her account: say that everything is gone.
        let deleted: Bool
    }

    struct CredentialsPage {
        let chrome: Chrome
        let email: String
        let error: String?
    }

    func chrome(_ title: String, _ context: AppRequestContext, _ section: Chrome.Section = .none, csrf: String? = nil) -> Chrome {
        Chrome(title: title, context: context, section: section, assets: renderer.assets, csrf: csrf)
    }

    /// Pre-sign-in forms use a double-submit token: the same random value in a cookie and in the form.
    func credentialsPage(
        _ template: String, _ title: String, _ request: Request, _ context: AppRequestContext, email: String = "", error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let token = Cookies.value(Cookies.csrf, in: request) ?? Secrets.random()
        var response = try renderer.html(
            template, CredentialsPage(chrome: chrome(title, context, csrf: token), email: email, error: error), status: status)
        let secure = Cookies.isSecure(request, publicBaseURL: dependencies.publicBaseURL)
        response.headers[.setCookie] = Cookies.header(Cookies.csrf, token, maxAge: nil, secure: secure)
        return response
    }

    func checkPreSignInCSRF(_ form: FormData, _ request: Request) throws {
        guard let cookie = Cookies.value(Cookies.csrf, in: request), let sent = form["_csrf"], Secrets.constantTimeEqual(cookie, sent)
        else {
            throw Problem(.forbidden, "This form has expired. Go back, reload the page and try again.")
        }
    }

    @Sendable func signUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form(context: context)
        try checkPreSignInCSRF(form, request)
        do {
            let checked = try AccountService.validate(email: form["email"], password: form["password"], checkStrength: true)
            let user = try await service.signUp(email: checked.email, password: checked.password)
            return try await signedIn(user, request: request, goTo: "/start")
        } catch let problem as Problem where [.badRequest, .conflict].contains(problem.status) {
            return try credentialsPage(
                "pages/signup", "Create your account", request, context, email: form.trimmed("email"), error: Self.friendly(problem.detail),
                status: problem.status)
        }
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form(context: context)
        try checkPreSignInCSRF(form, request)
        do {
            let checked = try AccountService.validate(email: form["email"], password: form["password"], checkStrength: false)
            let user = try await service.signIn(
                email: checked.email, password: checked.password, address: context.remoteAddress?.ipAddress ?? "unknown")
            let hasIntake = try await dependencies.store.intake(for: user.id) != nil
            return try await signedIn(user, request: request, goTo: hasIntake ? "/today" : "/start")
        } catch let problem as Problem where [.badRequest, .unauthorized, .tooManyRequests].contains(problem.status) {
            var response = try credentialsPage(
                "pages/signin", "Sign in", request, context, email: form.trimmed("email"), error: Self.friendly(problem.detail),
                status: problem.status)
            for field in problem.headers { response.headers.append(field) }
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let form = try await request.form(context: context)
        if context.webSession != nil { try context.checkCSRF(form) }
        // The session ends on the server, not just in the browser.
        if let cookie = Cookies.value(Cookies.session, in: request) {
            try await dependencies.store.deleteWebSession(hash: Secrets.hash(cookie))
        }
        let secure = Cookies.isSecure(request, publicBaseURL: dependencies.publicBaseURL)
        return Response(
            status: .seeOther, headers: [.location: "/", .setCookie: Cookies.header(Cookies.session, "", maxAge: 0, secure: secure)])
    }

    func signedIn(_ user: User, request: Request, goTo location: String) async throws -> Response {
        let token = try await service.startWebSession(for: user.id)
        let secure = Cookies.isSecure(request, publicBaseURL: dependencies.publicBaseURL)
        return Response(
            status: .seeOther,
            headers: [
                .location: location,
                .setCookie: Cookies.header(Cookies.session, token, maxAge: Int(AccountService.webSessionLifetime), secure: secure),
            ])
    }

    /// API messages name fields in code style; pages use sentences.
    static func friendly(_ detail: String) -> String {
        detail.replacingOccurrences(of: "email ", with: "Your e-mail ").replacingOccurrences(of: "password ", with: "Your password ")
    }
}
