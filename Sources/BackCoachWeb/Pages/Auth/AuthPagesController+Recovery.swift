import BackCoachServices
import Foundation
import Hummingbird

/// Forgot password: a reset link by e-mail (when a mail server is set up) or one of her recovery codes.
extension AuthPagesController {
    func addRecoveryRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.forgot) { request, context in try recoverPage(request, context) }
        router.post(PagePath.forgot, use: sendLink)
        router.post(PagePath.recover, use: recoverWithCode)
        router.get(PagePath.reset) { request, context in
            try recoverPage(request, context, token: request.uri.queryParameters["token"].map(String.init) ?? "")
        }
        router.post(PagePath.reset, use: resetWithLink)
    }

    func recoverPage(
        _ request: Request, _ context: AppRequestContext, token: String? = nil, email: String = "", message: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try preSignInPage(token == nil ? "pages/recover" : "pages/reset", "Get back into your account", request, context, status: status) {
            RecoverPage(
                chrome: $0, canSendLinks: recovery.canSendLinks, token: token, email: email, message: message, error: error)
        }
    }

    @Sendable func sendLink(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await preSignInForm(ResetLinkForm.self, request, context)
        do {
            try await recovery.sendResetLink(
                email: form.email, address: context.clientAddress, publicBaseURL: publicBaseURL,
                logger: context.logger)
        } catch let error as ServiceError {
            return try recoverPage(request, context, email: form.email?.trimmed ?? "", error: error.message, status: Problem(error).status)
        }
        return try recoverPage(
            request, context,
            message: "If that e-mail has a BackCoach account, we have sent it a link. The link works once, for an hour.")
    }

    @Sendable func recoverWithCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await preSignInForm(RecoveryCodeForm.self, request, context)
        do {
            let user = try await recovery.recover(
                email: form.email, code: form.code, newPassword: form.password,
                address: context.clientAddress)
            return try await signedIn(user, request: request, goTo: PagePath.settings + "?recovered=1")
        } catch let error as ServiceError {
            return try recoverPage(request, context, email: form.email?.trimmed ?? "", error: error.message, status: Problem(error).status)
        }
    }

    @Sendable func resetWithLink(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await preSignInForm(ResetForm.self, request, context)
        do {
            let user = try await recovery.reset(token: form.token, newPassword: form.password)
            return try await signedIn(user, request: request, goTo: PagePath.today)
        } catch let error as ServiceError {
            return try recoverPage(request, context, token: form.token ?? "", error: error.message, status: Problem(error).status)
        }
    }
}
