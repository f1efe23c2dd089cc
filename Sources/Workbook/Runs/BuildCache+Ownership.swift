import Foundation

extension BuildCache {
    /// An existing cache folder must be one Labbook made: it carries `CACHEDIR.TAG`, is empty,
    /// or holds only the cache's own folders. Here, with the cache, rather than with the
    /// folder checks of a build (``FolderGuard``), because removing the cache asks it too.
    public static func checkIsOurs(_ cache: URL) throws(FileError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: cache.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            // A file at Labbook's own cache name is damage the build repairs (BuildCache.prepare).
            if cache.lastPathComponent == ".labbook-cache" { return }
            throw FileError(
                path: cache.path, reason: "refusing to use a file as the cache; valid: a folder, e.g. --cache-dir .labbook-cache")
        }
        if fm.fileExists(atPath: cache.appendingPathComponent(tagName).path) { return }
        let entries = ((try? fm.contentsOfDirectory(atPath: cache.path)) ?? []).filter { !$0.hasPrefix(".") }
        let foreign = entries.filter { !kinds.contains($0) }.sorted()
        guard foreign.isEmpty else {
            let examples = foreign.prefix(3).map { "'\(TerminalText.escaped($0))'" }.joined(separator: ", ")
            throw FileError(
                path: cache.path,
                reason:
                    "refusing to use a folder Labbook did not make as the cache (it holds \(examples) and no \(tagName)); valid: an empty or new folder, e.g. --cache-dir .labbook-cache"
            )
        }
    }
}
