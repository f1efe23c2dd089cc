import Foundation

/// One build of a book at a time: an exclusive `flock` on a lock file beside the output folder.
/// A second build (or `serve` rebuilding) waits for the first, saying so, instead of deleting its
/// staging folder. The kernel drops the lock when a process dies, so a killed build never
/// leaves the book locked.
final class BookLock {
    private let descriptor: Int32

    init(output: URL, waiting: (String) -> Void) throws(FileError) {
        let parent = output.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let path = parent.appendingPathComponent(".\(output.lastPathComponent).lock").path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileError(path: path, reason: "cannot create the build lock: \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting("waiting for another build of \(output.lastPathComponent)/ to finish…")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw FileError(path: path, reason: "cannot take the build lock: \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
