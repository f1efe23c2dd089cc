import Foundation
import Workbook

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files the preview may serve: regular files whose real path (all symlinks resolved) is
/// inside the real path of the output folder, and whose path has no part starting with a dot.
/// A symlink `Output/x -> /etc/passwd` is "not found", as is `Output/.cache` or a symlink to it.
struct OutputFiles: Sendable {
    let root: URL

    enum Lookup: Equatable {
        case file(URL)
        /// The path tries to climb out with `..`.
        case forbidden
        case notFound
    }

    /// `path` is the decoded URL path, e.g. `/figures/a b.png`; `/` and folders ending in `/`
    /// mean their `index.html`.
    func lookup(_ path: String) -> Lookup {
        var relative = path
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        let parts = relative.split(separator: "/").filter { !$0.isEmpty && $0 != "." }
        if parts.contains("..") { return .forbidden }
        if parts.contains(where: { $0.hasPrefix(".") || $0.contains("\0") }) { return .notFound }
        // Real paths are taken at every request: a build replaces the whole folder.
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL.path
        let candidate = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(realRoot + "/") else { return .notFound }
        let inside = real.dropFirst(realRoot.count + 1).split(separator: "/")
        if inside.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), !isFolder.boolValue else {
            return .notFound
        }
        return .file(URL(fileURLWithPath: real))
    }

    /// A validator of the file's bytes: its inode, size and modification time. A build writes a
    /// changed file as a new file and keeps an unchanged one as the same inode with its old
    /// time (``OutputWriter``), so the tag changes exactly when the bytes may have.
    static func entityTag(_ url: URL) -> String? {
        guard let stamp = FileStamp(path: url.path) else { return nil }
        return "\"\(stamp.inode)-\(stamp.size)-\(stamp.seconds).\(stamp.nanoseconds)\""
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "pdf": "application/pdf"
        case "gz": "application/gzip"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        default: "application/octet-stream"
        }
    }
}
