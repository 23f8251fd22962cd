import Foundation

/// Where the CLI reads answers and writes output. Tests pass a scripted one.
public struct Terminal: Sendable {
    public var readLine: @Sendable () -> String?
    public var write: @Sendable (String) -> Void
    public var writeError: @Sendable (String) -> Void
    public var readStandardInput: @Sendable () -> Data

    public init(
        readLine: @escaping @Sendable () -> String?, write: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void, readStandardInput: @escaping @Sendable () -> Data
    ) {
        self.readLine = readLine
        self.write = write
        self.writeError = writeError
        self.readStandardInput = readStandardInput
    }

    public static let standard = Terminal(
        readLine: { Swift.readLine(strippingNewline: true) },
        write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
        readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() }
    )
}
