/// Lets one write at a time through, first come first served.
///
/// SQLite allows one writer per database and answers a second one with SQLITE_BUSY at once (or
/// SQLITE_BUSY_SNAPSHOT when a read turns into a write), which would reach the user as a failed save.
/// One server owns an SQLite file, so queueing its writes here is enough; readers never wait (WAL).
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer { handOver() }
        return try await work()
    }

    private func handOver() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()  // stays busy: the next writer now holds the gate
        }
    }
}
