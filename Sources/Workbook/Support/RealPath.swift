import Foundation

/// Paths compared as the file system resolves them: symbolic links followed in the longest part
/// that exists, the rest appended. Both the book's containment rule (what a build reads) and the
/// folder guard (where it writes) decide on these.
enum RealPath {
    static func of(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for part in rest { path = (path as NSString).appendingPathComponent(part) }
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Whether `inner` lies strictly inside `outer`.
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        let prefix = outer.hasSuffix("/") ? outer : outer + "/"
        return inner.hasPrefix(prefix) && inner != outer
    }
}
