import Foundation

/// A file operation that failed, with the path and what went wrong in words: what the CLI
/// prints instead of a raw Foundation error code.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }

    /// Wraps any error thrown by Foundation for `path`.
    static func wrapping(_ error: any Error, path: String, doing action: String) -> FileError {
        if let error = error as? FileError { return error }
        let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        let detail = posix.map { String(cString: strerror(Int32($0.code))) } ?? (error as NSError).localizedDescription
        return FileError(path: path, reason: "cannot \(action): \(detail)")
    }
}

/// Writes `data` to a unique temporary file beside `url`, then renames it over `url`.
public func atomicWrite(_ data: Data, to url: URL) throws(FileError) {
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp")
    do {
        try data.write(to: temporary)
    } catch {
        throw FileError.wrapping(error, path: url.path, doing: "write")
    }
    if rename(temporary.path, url.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw FileError(path: url.path, reason: "cannot write: \(reason)")
    }
}
