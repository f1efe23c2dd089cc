import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a build's files into its staging folder, and writes only what changed: a file whose
/// bytes the published folder already holds at the same path becomes a hard link to that
/// file instead of a new copy. After the swap the unchanged file is the very same inode, with
/// its old modification time; nothing of it was written or synced again, and a browser's or
/// web server's cache keeps it.
///
/// Safe under a kill at any moment because a published file is never written to: a build
/// only ever creates new names in the staging folder, so linking leaves the old tree's bytes
/// exactly as they were (renaming a file over a linked name, as `--pdf` does with the handout,
/// replaces the name and leaves the inode alone). Bytes are compared in full, never trusted
/// from sizes or times, so a file edited by hand in `Output/` is written again and the next
/// build equals a clean one. Only regular files are linked (never a symlink someone left in
/// `Output/`); where linking fails (a file system without hard links) the file is written.
final class OutputWriter: Sendable {
    /// The staging folder every written path lies in.
    let staging: String
    /// The published folder whose unchanged files are reused, if there is one.
    let previous: String?
    /// What this process knows of the published files (`labbook serve`), if anything.
    let memory: OutputMemory?
    private let tally = Locked(Tally())

    /// How many files a build wrote and how many it took over unchanged.
    struct Tally: Sendable, Equatable {
        var written = 0
        var reused = 0
    }

    /// `destination` is where the staging folder will be published (whether or not something
    /// is there yet), for `memory`.
    init(staging: URL, previous: URL?, destination: URL? = nil, memory: OutputMemory? = nil) {
        self.staging = staging.standardizedFileURL.path
        self.previous = previous?.standardizedFileURL.path
        self.destination = (destination ?? previous)?.standardizedFileURL.path
        self.memory = destination == nil ? nil : memory
        self.memory?.beginStaging()
    }

    /// Where the staged files will be published.
    private let destination: String?

    /// A writer with nothing to reuse (a folder written from scratch).
    static func fresh(_ folder: URL) -> OutputWriter { OutputWriter(staging: folder, previous: nil) }

    var counts: Tally { tally.get() }

    /// Writes `data` at `url` (a path inside the staging folder), or links the published file
    /// when it holds exactly these bytes.
    func write(_ data: Data, to url: URL) throws {
        let stagedPath = url.path
        let published = publishedPath(for: stagedPath)
        defer { if let published { memory?.stage(published, .bytes(data)) } }
        if let published, let memory, memory.holds(published, .bytes(data)), link(published, stagedPath) == 0 {
            tally.update { $0.reused += 1 }
            return
        }
        if let old = publishedFile(for: stagedPath), old.size == data.count,
            (try? Data(contentsOf: URL(fileURLWithPath: old.path))) == data, link(old.path, stagedPath) == 0
        {
            tally.update { $0.reused += 1 }
            return
        }
        try data.write(to: url)
        tally.update { $0.written += 1 }
    }

    /// `write`, for a string as UTF-8.
    func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Copies `source` (a cache file) to `url`, or links the published file when it holds
    /// the same bytes. Never links the source itself: damage to the cache later must never
    /// change a published page.
    func copy(_ source: URL, to url: URL) throws {
        let stagedPath = url.path
        let published = publishedPath(for: stagedPath)
        // Taken before the source is read: a source replaced meanwhile is compared again next time.
        let sourceStamp = memory == nil ? nil : FileStamp(path: source.path, followingSymlinks: false)
        defer {
            if let published, let sourceStamp { memory?.stage(published, .copy(of: source.path, stamp: sourceStamp)) }
        }
        if let published, let memory, let sourceStamp, memory.holds(published, .copy(of: source.path, stamp: sourceStamp)),
            link(published, stagedPath) == 0
        {
            tally.update { $0.reused += 1 }
            return
        }
        if let old = publishedFile(for: stagedPath), let size = Self.regularFileSize(source.path), size == old.size,
            let bytes = try? Data(contentsOf: source), (try? Data(contentsOf: URL(fileURLWithPath: old.path))) == bytes,
            link(old.path, stagedPath) == 0
        {
            tally.update { $0.reused += 1 }
            return
        }
        try FileManager.default.copyItem(at: source, to: url)
        tally.update { $0.written += 1 }
    }

    /// The staged folder is published and the old one removed: the memory takes the new stamps.
    func finishPublishing() {
        memory?.finishPublishing()
    }

    /// Where the file staged at `path` will be once published.
    private func publishedPath(for path: String) -> String? {
        guard let destination, path.hasPrefix(staging + "/") else { return nil }
        return destination + path.dropFirst(staging.count)
    }

    /// The published file at the same place as `path` in the staging folder, when it is a
    /// regular file (not a symlink, not a folder).
    private func publishedFile(for path: String) -> (path: String, size: Int)? {
        guard let previous, path.hasPrefix(staging + "/") else { return nil }
        let old = previous + path.dropFirst(staging.count)
        guard let size = Self.regularFileSize(old) else { return nil }
        return (old, size)
    }

    /// The size of a regular file at `path`, not following a final symlink; nil otherwise.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
