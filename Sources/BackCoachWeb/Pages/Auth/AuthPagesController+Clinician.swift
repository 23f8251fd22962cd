import BackCoachServices
import Hummingbird

/// A clinician's sign-up: the same rules as a mother's, with a name and a profession, and their client list after.
extension AuthPagesController {
    func addClinicianSignUp(to router: some RouterMethods<AppRequestContext>) {
        router.get(PagePath.clinicianSignUp) { request, context in
            try preSignInPage("pages/clinician-signup", "Create a clinician account", request, context) {
                CredentialsPage(chrome: $0, email: "", error: nil, countries: [])
            }
        }
        router.post(PagePath.clinicianSignUp, use: clinicianSignUp)
    }

    @Sendable func clinicianSignUp(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await preSignInForm(ClinicianSignUpForm.self, request, context)
        do {
            let user = try await accounts.signUp(
                email: form.email, password: form.password, timeZone: (try? ProfileService.checkedTimeZone(form.timeZone)) ?? nil,
                address: context.clientAddress, clinician: (form.name, form.profession))
            return try await signedIn(user, request: request, goTo: PagePath.clinician)
        } catch let error as ServiceError {
            return try preSignInPage(
                "pages/clinician-signup", "Create a clinician account", request, context, status: Problem(error).status
            ) {
                CredentialsPage(
                    chrome: $0, email: form.email?.trimmed ?? "", error: error.message, countries: [], name: form.name ?? "",
                    profession: form.profession ?? "")
            }
        }
    }
}
