/// Thrown when an operation on a connection takes longer than its limit.
struct DeadlineExceeded: Error {}

/// Runs `operation` and cancels it after `seconds`, throwing `DeadlineExceeded`. Socket waits
/// are cancellable, so a client that stops sending or reading frees its task and its socket.
func withDeadline<T: Sendable>(
    seconds: Double, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw DeadlineExceeded() }
        return value
    }
}
