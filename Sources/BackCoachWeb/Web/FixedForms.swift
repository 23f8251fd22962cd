import Foundation
import Hummingbird

/// A form with a fixed set of fields, read by Hummingbird's URL-encoded form decoder (`FormData` stays for the
/// forms whose fields depend on content: the wizard, the safety check, the session checklist). Every form carries
/// its CSRF token as `_csrf`; fields a browser sends beyond these are ignored.
protocol FixedForm: Decodable, Sendable {
    var csrf: String? { get }
}

/// The e-mail and password, for sign-in.
struct SignInForm: FixedForm {
    let csrf, email, password: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", email, password }
}

/// Sign-up: the time zone comes from the browser, unseen.
struct SignUpForm: FixedForm {
    let csrf, email, password, country, timeZone: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", email, password, country, timeZone }
}

/// A clinician's sign-up: name and profession as well.
struct ClinicianSignUpForm: FixedForm {
    let csrf, email, password, name, profession, timeZone: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", email, password, name, profession, timeZone }
}

/// "Forgot password": where to send a reset link.
struct ResetLinkForm: FixedForm {
    let csrf, email: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", email }
}

/// A recovery code and the new password.
struct RecoveryCodeForm: FixedForm {
    let csrf, email, code, password: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", email, code, password }
}

/// A reset link's token (carried in the form) and the new password.
struct ResetForm: FixedForm {
    let csrf, token, password: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", token, password }
}

/// A button with nothing but its token: sign out, a new calendar link, new recovery codes.
struct ButtonForm: FixedForm {
    let csrf: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf" }
}

/// Settings: her pain limit ("default" or 0–10).
struct PainLimitForm: FixedForm {
    let csrf, ceiling: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", ceiling }
}

/// Settings: where she lives and her time zone.
struct PlaceForm: FixedForm {
    let csrf, country, timeZone: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", country, timeZone }
}

/// Settings: a new password, with the current one.
struct PasswordChangeForm: FixedForm {
    let csrf, current, new: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", current, new }
}

/// Settings: a new e-mail, with her password.
struct EmailChangeForm: FixedForm {
    let csrf, email, password: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", email, password }
}

/// Settings: deleting the account, confirmed by typing DELETE.
struct DeleteAccountForm: FixedForm {
    let csrf, confirm: String?
    enum CodingKeys: String, CodingKey { case csrf = "_csrf", confirm }
}

extension Request {
    /// A fixed-shape form body (at most 64 KB). Broken percent-encoding or a field sent twice is refused, never
    /// read as empty.
    mutating func fixedForm<Form: FixedForm>(_ type: Form.Type, context: AppRequestContext) async throws -> Form {
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: buffer))
        } catch {
            throw Problem.badRequest("This form could not be read: part of it is not correctly encoded. Nothing was saved.")
        }
    }

    /// A signed-in page's fixed-shape form, after checking its CSRF token (403 when missing or wrong).
    func csrfCheckedForm<Form: FixedForm>(_ type: Form.Type, context: AppRequestContext) async throws -> Form {
        var request = self
        let form = try await request.fixedForm(type, context: context)
        try context.checkCSRF(sent: form.csrf)
        return form
    }
}

extension String {
    /// A typed value as it is kept in the form shown again: without surrounding spaces.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
