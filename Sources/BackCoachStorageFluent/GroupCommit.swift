import FluentKit
import SQLKit

/// Group commit for SQLite's single-statement writes.
///
/// With synchronous=FULL every commit waits for the disk (about 0.3 ms here), and SQLite commits one writer at a
/// time, so one transaction per save capped check-ins well below the rate the app could otherwise take. Saves
/// that arrive while a commit is in flight wait here and then go to disk together: one transaction, one sync,
/// and no caller hears "saved" before that sync. A statement that fails (a constraint, say) fails alone: SQLite
/// undoes just that statement and the rest of the batch commits.
actor GroupCommit {
    private struct Entry {
        /// Runs the save inside the batch's transaction and keeps its outcome.
        let run: @Sendable (any SQLDatabase) async -> Void
        /// Answers the caller once the batch is committed (or has failed).
        let finish: @Sendable (Result<Void, any Error>) -> Void
    }

    private var queued: [Entry] = []
    private var draining = false
    private let gate: WriteGate
    private let database: @Sendable () -> any Database

    init(gate: WriteGate, database: @escaping @Sendable () -> any Database) {
        self.gate = gate
        self.database = database
    }

    func submit<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Outcome<T>()
            queued.append(
                Entry(
                    run: { sql in
                        do { outcome.result = .success(try await work(sql)) } catch { outcome.result = .failure(error) }
                    },
                    finish: { commit in
                        switch commit {
                        case .failure(let error): continuation.resume(throwing: error)
                        case .success: continuation.resume(with: outcome.result ?? .failure(CancellationError()))
                        }
                    }))
            if !draining {
                draining = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !queued.isEmpty {
            let batch = queued
            queued = []
            let commit: Result<Void, any Error>
            do {
                // One transaction for the whole batch, holding the write gate like any other writer.
                try await gate.run {
                    try await self.database().transaction { transaction in
                        for entry in batch { await entry.run(transaction as! any SQLDatabase) }
                    }
                }
                commit = .success(())
            } catch {
                commit = .failure(error)
            }
            for entry in batch { entry.finish(commit) }
        }
        draining = false
    }

    /// One save's result, written while the batch runs and read after it commits, both in the draining task.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
