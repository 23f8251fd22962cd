/// Bundled content that breaks a rule (a missing link, a bad dose, an unknown id).
/// Raised at load time so a broken catalogue never reaches a user.
public struct ContentError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
