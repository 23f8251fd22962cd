import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// Resolves the session cookie to a user for web pages. Pages that need a user redirect to sign-in.
struct WebSessionMiddleware: RouterMiddleware {
    let accounts: AccountService
    let publicBaseURL: String

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        var renewedCookie: String?
        if let cookie = Cookies.value(Cookies.session, in: request), let found = try await accounts.webSession(cookie: cookie) {
            context.user = found.user
            context.webSession = found.session
            if found.renewed { renewedCookie = cookie }
        }
        var response = try await next(request, context)
        // The session was renewed on the server: the browser keeps the cookie as long (unless the page set its own).
        if let renewedCookie, response.headers[.setCookie] == nil {
            response.headers[.setCookie] = Cookies.header(
                Cookies.session, renewedCookie, maxAge: Int(AccountService.webSessionLifetime),
                secure: Cookies.isSecure(request, publicBaseURL: publicBaseURL))
        }
        return response
    }
}

/// Web page helpers shared by the page controllers.
extension AppRequestContext {
    /// The signed-in mother, or a redirect to the sign-in page. A clinician has no plan of their own, so her pages send
    /// them to their client list.
    func requireWebUser() throws -> User {
        let user = try requireAnyWebUser()
        guard user.role == .client else { throw Redirect.to(PagePath.clinician) }
        return user
    }

    /// The signed-in clinician; a mother gets a 403 page that points her back to her own.
    func requireClinician() throws -> User {
        let user = try requireAnyWebUser()
        guard user.role == .clinician else {
            throw Problem(.forbidden, "This page is for clinician accounts. Your own plan is on your Today page.")
        }
        return user
    }

    /// Anyone signed in, mother or clinician.
    func requireAnyWebUser() throws -> User {
        guard let user, webSession != nil else { throw Redirect.to(PagePath.signIn) }
        return user
    }

    /// Every state-changing form carries the session's CSRF token; a missing or wrong one is refused with 403.
    func checkCSRF(_ form: FormData) throws { try checkCSRF(sent: form["_csrf"]) }

    func checkCSRF(sent: String?) throws {
        guard let expected = webSession?.csrfToken, let sent, Secrets.constantTimeEqual(sent, expected) else {
            throw Problem(.forbidden, "This form has expired. Go back, reload the page and try again.")
        }
    }
}

/// A redirect thrown from deep inside a handler (e.g. "sign in first").
struct Redirect: Error, HTTPResponseError {
    let location: String
    var status: HTTPResponse.Status { .seeOther }

    static func to(_ location: String) -> Redirect { Redirect(location: location) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .redirect(to: location)
    }
}

extension Response {
    /// 303 See Other: after a form, the browser loads `location` with GET, so a reload never resends the form.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
