/// A refusal from a service, in words a person understands. The API turns it into problem+json, the pages into the
/// form with the message beside the field, the CLI into exit code 2 with the message on one line.
public struct ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input can't be used as sent (400).
        case invalid
        /// There is nothing of that kind for her yet (404).
        case notFound
        /// The request is fine, but her record says no right now (409), e.g. a session on a paused day.
        case conflict
        /// The credentials don't match (401).
        case unauthorized
        /// Signed in, but this account may not do this (403): a mother on a clinician's page, or the other way round.
        case forbidden
        /// Too many attempts; `retryAfterSeconds` says when to try again (429).
        case tooManyRequests
    }

    public let kind: Kind
    /// A whole sentence, ending with a full stop.
    public let message: String
    /// The input field the message is about, when there is one, so a form can put it beside that field.
    public let field: String?
    public let retryAfterSeconds: Int?

    public init(_ kind: Kind, _ message: String, field: String? = nil, retryAfterSeconds: Int? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
        self.retryAfterSeconds = retryAfterSeconds
    }

    public static func invalid(_ message: String, field: String? = nil) -> ServiceError { ServiceError(.invalid, message, field: field) }
    public static func notFound(_ message: String) -> ServiceError { ServiceError(.notFound, message) }
    public static func conflict(_ message: String) -> ServiceError { ServiceError(.conflict, message) }
    public static func forbidden(_ message: String) -> ServiceError { ServiceError(.forbidden, message) }

    public var description: String { message }
}
