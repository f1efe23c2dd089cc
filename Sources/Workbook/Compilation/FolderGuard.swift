import Foundation

/// Refuses, before anything is written or deleted, an output or cache folder that would make a
/// build or `clean` destroy files Labbook did not write.
///
/// A build replaces its output folder wholesale and `clean` empties it, so a mistyped
/// `--output .` once replaced a whole book. The rules, checked on real paths (symbolic links
/// resolved, so `--output link-to-book` is caught too):
/// - the output folder and the cache are never the book folder (the one holding `Chapters/`)
///   or a folder above it, and never `Chapters/`, a folder inside it or a folder above it;
/// - the output folder and the cache never hold one another and are never the same;
/// - an existing output folder is replaced or emptied only when Labbook wrote it: it carries
///   the ``outputMarker`` file, or (written before markers existed) it holds nothing but
///   what a build writes. Data folders and any other folder of the user's hold files
///   Labbook did not write, so they are refused by this rule;
/// - an existing cache folder is used or removed only when it carries `CACHEDIR.TAG` (the
///   cache directory tag backup tools know), is empty, or holds only the cache's own folders
///   (``BuildCache/checkIsOurs(_:)``).
public enum FolderGuard {
    /// Written into every output folder a build makes; `clean` and the next build look for it.
    public static let outputMarker = ".labbook-output"
    static let outputMarkerText = "This folder is written by `labbook build`; a build replaces it and `labbook clean` empties it.\n"

    /// Top-level entries a build writes (recognises an output folder of a version without markers).
    static let builtFolders: Set<String> = ["assets", "figures", "data"]
    static let builtExtensions: Set<String> = ["html", "pdf", "js", "css"]

    /// Throws a ``FileError`` naming the folder and the rule it breaks.
    public static func check(_ options: BuildOptions) throws(FileError) {
        let book = realPath(options.chapters.deletingLastPathComponent())
        let chapters = realPath(options.chapters)
        let output = realPath(options.output)
        let cache = realPath(options.cache)
        let outputShown = options.output.path
        let cacheShown = options.cache.path

        for (folder, shown, role, flag) in [
            (output, outputShown, "output folder", "--output"), (cache, cacheShown, "cache", "--cache-dir"),
        ] {
            if folder == book || isInside(book, folder) {
                throw FileError(
                    path: shown,
                    reason:
                        "refusing to use the book folder \(book) or a folder above it as the \(role): a build would replace the book; valid: a folder of its own, e.g. \(flag) \(role == "cache" ? ".labbook-cache" : "Output")"
                )
            }
            if folder == chapters || isInside(folder, chapters) || isInside(chapters, folder) {
                throw FileError(
                    path: shown,
                    reason:
                        "refusing to use the chapters folder \(chapters), a folder inside it or above it as the \(role): a build would replace the chapters; valid: a folder beside the chapters, e.g. \(flag) \(role == "cache" ? ".labbook-cache" : "Output")"
                )
            }
        }
        if output == cache || isInside(output, cache) || isInside(cache, output) {
            throw FileError(
                path: outputShown,
                reason:
                    "refusing an output folder that is, holds or lies inside the cache \(cache): each would destroy the other; valid: separate folders, e.g. --output Output and --cache-dir .labbook-cache"
            )
        }
        try checkOutputIsOurs(options.output)
        try BuildCache.checkIsOurs(options.cache)
    }

    /// An existing, non-empty output folder must be one Labbook wrote.
    public static func checkOutputIsOurs(_ output: URL) throws(FileError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw FileError(
                path: output.path, reason: "refusing to replace a file with the output folder; valid: a folder path, e.g. --output Output")
        }
        if fm.fileExists(atPath: output.appendingPathComponent(outputMarker).path) { return }
        let entries = ((try? fm.contentsOfDirectory(atPath: output.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        if entries.isEmpty { return }
        let foreign = entries.filter { name in
            let ext = (name as NSString).pathExtension.lowercased()
            return !builtFolders.contains(name) && !builtExtensions.contains(ext)
        }
        if foreign.isEmpty && entries.contains("index.html") { return }
        let examples = (foreign.isEmpty ? entries : foreign).prefix(3).map { "'\(TerminalText.escaped($0))'" }.joined(separator: ", ")
        throw FileError(
            path: output.path,
            reason:
                "refusing to replace a folder Labbook did not write (it holds \(examples) and no \(outputMarker) marker); valid: an empty or new folder, or one a build wrote, e.g. --output Output"
        )
    }

    /// Writes the marker into a folder a build is about to publish.
    static func markOutput(_ folder: URL, writer: OutputWriter) throws(FileError) {
        let url = folder.appendingPathComponent(outputMarker)
        do {
            try writer.write(outputMarkerText, to: url)
        } catch {
            throw FileError.wrapping(error, path: url.path, doing: "write")
        }
    }

    static func realPath(_ url: URL) -> String { RealPath.of(url) }
    static func isInside(_ inner: String, _ outer: String) -> Bool { RealPath.isInside(inner, outer) }
}
