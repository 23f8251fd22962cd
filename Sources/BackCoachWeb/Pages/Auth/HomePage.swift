/// Home, and the disclaimer page (the same model: only the chrome).
struct HomePage {
    let chrome: Chrome
    /// Just deleted her account: say that everything is gone.
    let deleted: Bool
}
