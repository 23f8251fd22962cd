import BackCoachServices
import BackCoachStorage
import Foundation
import Hummingbird

/// Her sharing page: make a code, see and stop who has access, read the log.
struct SharingPagesController {
    let shares: ShareService
    let renderer: WebRenderer

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.sharing) { request, context in
            let user = try context.requireWebUser()
            let stopped = request.uri.queryParameters["stopped"] != nil
            return try await page(user, context, message: stopped ? "Stopped. They can no longer see your record." : nil)
        }
        router.post(PagePath.sharing, use: createCode)
        router.post(PagePath.sharingRevoke, use: revoke)
    }

    func page(
        _ user: User, _ context: AppRequestContext, invitation: ShareService.Invitation? = nil, message: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let model = SharingPage.make(
            shares: try await shares.shares(for: user), log: try await shares.log(for: user), invitation: invitation, user: user,
            message: message, error: error,
            chrome: Chrome(title: "Share with your clinician", context: context, section: .settings, assets: renderer.assets))
        return try renderer.html("pages/sharing", model, status: status)
    }

    /// The code is shown once, on this response; only its hash is kept.
    @Sendable func createCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        _ = try await request.csrfCheckedForm(context: context)
        let invitation = try await shares.createInvitation(for: user)
        return try await page(user, context, invitation: invitation)
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireWebUser()
        let form = try await request.csrfCheckedForm(context: context)
        do {
            guard let id = form["share"].flatMap(UUID.init(uuidString:)) else {
                throw ServiceError.invalid("Choose whose access to stop.", field: "share")
            }
            try await shares.revoke(id, for: user)
            return .redirect(to: PagePath.sharing + "?stopped=1")
        } catch let error as ServiceError {
            return try await page(user, context, error: error.message, status: Problem(error).status)
        }
    }
}
