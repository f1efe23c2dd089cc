import Foundation

/// What the preview knows about the last build: a version that changes with every successful
/// build (pages poll it to reload) and the error of the last failed build, if any.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var version = 0
    private var error: String? = nil

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
