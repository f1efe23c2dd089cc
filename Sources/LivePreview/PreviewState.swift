import Foundation

/// What the preview knows about the last build: a version that changes with every successful
/// build (pages poll it to reload) and the error of the last failed build, if any.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var error: String? = nil
    private var extra: [URL] = []

    /// Files outside the chapters folder that the last build read (data files named with `..`),
    /// watched beside the chapters.
    var extraSources: [URL] {
        get { lock.lock(); defer { lock.unlock() }; return extra }
        set { lock.lock(); extra = newValue; lock.unlock() }
    }

    func succeeded() {
        lock.lock()
        version += 1
        error = nil
        lock.unlock()
    }

    func failed(_ message: String) {
        lock.lock()
        version += 1
        error = message
        lock.unlock()
    }

    var currentVersion: Int {
        lock.lock()
        defer { lock.unlock() }
        return version
    }

    /// Returns once the version differs from `seen`, or after `seconds` (a long poll: an open
    /// page learns of a new build within milliseconds instead of at its next poll).
    func waitForChange(from seen: Int, seconds: Double) async {
        let deadline = Date().addingTimeInterval(seconds)
        while currentVersion == seen, Date() < deadline, !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    /// `{"version":3,"error":null}`
    var json: Data {
        lock.lock()
        defer { lock.unlock() }
        var text = "{\"version\":\(version),\"error\":"
        if let error {
            let escaped = error.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: " ")
            text += "\"\(escaped)\""
        } else {
            text += "null"
        }
        return Data((text + "}").utf8)
    }
}
