import GRDB

/// Group commit for the embedded database's writes.
///
/// With synchronous=FULL every commit waits for the disk, and SQLite commits one writer at a time, so one transaction
/// per save would cap saves at the disk's sync rate. Writes that arrive while a commit is in flight wait here and then
/// go to disk together: one transaction, one sync, and no caller hears "saved" before that sync. Each write runs in a
/// savepoint of its own, so one that fails (a constraint, a rule) is undone alone and the rest of the batch commits.
/// Writes run one after another in arrival order, so each sees every write before it.
actor GroupCommit {
    private struct Entry {
        /// Runs the write inside the batch's transaction and keeps its outcome.
        let run: @Sendable (Database) -> Void
        /// Answers the caller once the batch is committed (or has failed).
        let finish: @Sendable (Result<Void, any Error>) -> Void
    }

    private var queued: [Entry] = []
    private var draining = false
    private let pool: DatabasePool

    init(pool: DatabasePool) {
        self.pool = pool
    }

    func submit<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Outcome<T>()
            queued.append(
                Entry(
                    run: { db in
                        do {
                            var value: T?
                            try db.inSavepoint {
                                value = try work(db)
                                return .commit
                            }
                            outcome.result = value.map { .success($0) }
                        } catch {
                            outcome.result = .failure(error)
                        }
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
                try await pool.write { db in
                    for entry in batch { entry.run(db) }
                }
                commit = .success(())
            } catch {
                commit = .failure(error)
            }
            for entry in batch { entry.finish(commit) }
        }
        draining = false
    }

    /// One write's result, set while its batch runs on the writer and read after the batch commits.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
