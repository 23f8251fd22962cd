import Foundation

/// A clock for browser journeys over several days (`test.clock.file`): the real time plus the whole number of
/// seconds in the file, read on every use. A missing or unreadable file means no offset.
enum TestClock {
    static func reading(_ path: String) -> @Sendable () -> Date {
        {
            let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            return Date().addingTimeInterval(TimeInterval(text.flatMap(Int.init) ?? 0))
        }
    }
}
