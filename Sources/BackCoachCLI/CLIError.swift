/// A problem the user can fix; printed as one line and exit code 2.
public struct CLIError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
