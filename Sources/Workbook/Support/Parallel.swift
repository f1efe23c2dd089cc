import Foundation

/// The one way the compiler runs work in parallel: `count` items on at most `workers` threads,
/// each item once, in any order. The first error thrown by any item is rethrown after all
/// workers stop; items already started finish.
func runInParallel(
    count: Int, workers: Int, _ body: @escaping @Sendable (Int) throws -> Void
) throws {
    guard count > 0 else { return }
    let next = Locked(0)
    let failure = Locked<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
        while true {
            let index = next.update { value -> Int in
                defer { value += 1 }
                return value
            }
            guard index < count, failure.get() == nil else { return }
            do {
                try body(index)
            } catch {
                failure.update { if $0 == nil { $0 = error } }
            }
        }
    }
    if let error = failure.get() { throw error }
}

/// A value behind a lock: every read and write of shared state goes through it.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
    func update<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
