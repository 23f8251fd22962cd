import Foundation

/// A thread-safe memo with a fixed size, for results that are pure functions of their key (decoded JSON,
/// a computed plan). It never decides what is true, only saves recomputing it, so servers stay stateless.
///
/// Two generations approximate "least recently used" without bookkeeping per hit: new entries go into
/// `recent`; when it is full it becomes `older` and the previous `older` is dropped. A hit in `older` moves up.
public final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let generationSize: Int
    private var recent: [Key: Value] = [:]
    private var older: [Key: Value] = [:]
    private let lock = NSLock()

    /// Holds at most `capacity` entries.
    public init(capacity: Int) {
        generationSize = max(1, capacity / 2)
    }

    public func value(for key: Key, orMake make: () throws -> Value) rethrows -> Value {
        if let found = lookUp(key) { return found }
        let value = try make()
        store(value, for: key)
        return value
    }

    public var count: Int { lock.withLock { recent.count + older.count } }

    private func lookUp(_ key: Key) -> Value? {
        lock.withLock {
            if let value = recent[key] { return value }
            guard let value = older.removeValue(forKey: key) else { return nil }
            insert(value, for: key)
            return value
        }
    }

    private func store(_ value: Value, for key: Key) {
        lock.withLock { insert(value, for: key) }
    }

    /// Call with the lock held.
    private func insert(_ value: Value, for key: Key) {
        if recent.count >= generationSize {
            older = recent
            recent = [:]
            recent.reserveCapacity(generationSize)
        }
        recent[key] = value
    }
}
