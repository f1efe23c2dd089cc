import Foundation

/// Runs blocking work (a build: seconds of CPU) on a thread of its own, so it never holds one
/// of the few threads of Swift's cooperative pool that serve requests.
///
/// The caller resumes when the work is done, or at once when its task is cancelled (Ctrl-C
/// during a long build stops the preview without waiting; the build is atomic, so leaving it
/// behind loses nothing).
func runOnOwnThread(_ work: @escaping @Sendable () -> Void) async {
    let waiter = OneTimeWaiter()
    await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            waiter.wait(with: continuation)
            Thread.detachNewThread {
                work()
                waiter.resume()
            }
        }
    } onCancel: {
        waiter.resume()
    }
}

/// A continuation resumed exactly once, by whichever comes first: the work ending or the
/// cancellation, possibly even before the continuation is there.
private final class OneTimeWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var resumed = false

    func wait(with continuation: CheckedContinuation<Void, Never>) {
        lock.lock()
        if resumed {
            lock.unlock()
            continuation.resume()
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func resume() {
        lock.lock()
        resumed = true
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume()
    }
}
