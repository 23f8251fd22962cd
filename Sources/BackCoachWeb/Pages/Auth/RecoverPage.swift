/// Forgot password (/forgot) and a reset link (/reset).
struct RecoverPage {
    let chrome: Chrome
    let canSendLinks: Bool
    /// Set on /reset: the link's token, carried in the form.
    let token: String?
    let email: String
    let message: String?
    let error: String?
}
