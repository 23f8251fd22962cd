/// Sends one plain-text e-mail. `SMTPMailer` hands it to a mail server; tests use a sink of their own.
public protocol Mailer: Sendable {
    func send(to recipient: String, subject: String, body: String) async throws
}

/// The outcome of a mail that could not be handed over, in words for the log (never shown to her).
public struct MailError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
