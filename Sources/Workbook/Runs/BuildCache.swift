import Foundation

/// The build cache: content-addressed files under one folder (`.labbook-cache/` at the project
/// root). Every entry is written to a temporary file and renamed into place, so a reader sees
/// a whole entry or none; every entry carries a checksum, so a damaged one is recomputed,
/// never trusted. Concurrent builds sharing the cache (an instructor and a student build) are
/// safe without a lock: writers cannot collide (unique temporary names, a verified entry is
/// never rewritten) and readers re-read an entry caught between a writer's two renames.
public struct BuildCache: Sendable {
    public let root: URL
    /// Entries this process has already verified (`labbook serve`): unchanged ones are not read again.
    let checked: CheckedFiles?
    private let rootPath: String

    public init(root: URL, checked: CheckedFiles? = nil) {
        self.root = root
        self.checked = checked
        rootPath = root.path
    }

    /// The folders inside the cache, one per kind of entry.
    static let kinds = ["runs", "figures", "downloads"]
    /// The cache directory tag (bford.info/cachedir): backup tools skip the folder, and
    /// ``checkIsOurs(_:)`` recognises it as Labbook's before using or removing it.
    static let tagName = "CACHEDIR.TAG"
    static let tagText =
        "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is Labbook's build cache; `labbook clean --cache` removes it.\n"

    func url(_ kind: String, _ key: String, _ ext: String) -> URL {
        URL(fileURLWithPath: path(kind, key, ext), isDirectory: false)
    }

    /// The entry's path, put together as a string: Foundation's `appendingPathComponent` took a
    /// tenth of a rebuild's time for the few thousand entries a build looks up.
    func path(_ kind: String, _ key: String, _ ext: String) -> String {
        "\(rootPath)/\(kind)/\(key.prefix(2))/\(key).\(ext)"
    }

    /// Makes sure the cache is a usable folder before a build: a cache replaced by a file, or
    /// folders inside it replaced by files, are removed and started afresh. Returns a warning
    /// for each repair.
    public func prepare() -> [String] {
        let fm = FileManager.default
        var warnings: [String] = []
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            try? fm.removeItem(at: root)
            warnings.append("warning: the cache \(root.path) was not a folder; it was cleared and is rebuilt")
        }
        for kind in Self.kinds {
            let folder = root.appendingPathComponent(kind)
            if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                try? fm.removeItem(at: folder)
                warnings.append("warning: the cache folder \(folder.path) was damaged; it was cleared and is rebuilt")
            }
        }
        let tag = root.appendingPathComponent(Self.tagName)
        if !fm.fileExists(atPath: tag.path) {
            try? fm.createDirectory(at: root, withIntermediateDirectories: true)
            try? atomicWrite(Data(Self.tagText.utf8), to: tag)
        }
        return warnings
    }

    /// Reads an entry, verifying its checksum (kept in a `.sum` sidecar); nil when missing or
    /// damaged.
    ///
    /// Builds of different outputs may share one cache and write the same entry at once. Each
    /// writer renames whole files into place (data, then sum), so a reader can only ever see the
    /// data of one writer beside the sum of another, for the moment between a writer's two
    /// renames. A mismatch is therefore read again a few times before it counts as damage.
    public func read(_ kind: String, _ key: String, _ ext: String) -> Data? {
        let file = url(kind, key, ext)
        for attempt in 0..<Self.readAttempts {
            guard let data = try? Data(contentsOf: file),
                let sum = try? String(contentsOf: file.appendingPathExtension("sum"), encoding: .utf8)
            else { return nil }
            if sum == checksumText(data) { return data }
            if attempt + 1 < Self.readAttempts { usleep(UInt32(2_000 << attempt)) }
        }
        return nil
    }

    /// Reads of an entry whose data and sum disagree before it counts as damaged (waiting 2, 4,
    /// 8 … ms between them: a concurrent writer's second rename follows its first at once).
    static let readAttempts = 5

    /// Writes an entry. A folder in the way that is not a folder (damage) is replaced.
    public func write(_ data: Data, _ kind: String, _ key: String, _ ext: String) throws(FileError) {
        let file = url(kind, key, ext)
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            // A file where a cache folder should be: remove it and try once more.
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                try? FileManager.default.removeItem(at: folder)
            }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw FileError.wrapping(error, path: folder.path, doing: "create the cache folder")
            }
        }
        // An entry another build has just written is kept (keys name their content, so it is as
        // good as ours): writers of one entry then do not replace each other's files at all.
        if read(kind, key, ext) != nil { return }
        // Data first, then its checksum: a crash in between leaves a mismatch, i.e. a miss.
        // Each file goes through a temporary file of a unique name (process and random number)
        // and a rename, so concurrent writers never write into one file.
        try atomicWrite(data, to: file)
        try atomicWrite(Data(checksumText(data).utf8), to: file.appendingPathExtension("sum"))
    }

    /// The path of a verified entry, to copy into the output.
    public func verifiedFile(_ kind: String, _ key: String, _ ext: String) -> URL? {
        guard let checked else { return read(kind, key, ext) == nil ? nil : url(kind, key, ext) }
        let file = path(kind, key, ext)
        let group = [file, file + ".sum"]
        if checked.unchanged(group) { return url(kind, key, ext) }
        guard let before = checked.stamps(of: group), read(kind, key, ext) != nil else { return nil }
        checked.remember(group, stampedBefore: before)
        return url(kind, key, ext)
    }

    private func checksumText(_ data: Data) -> String {
        String(contentChecksum([UInt8](data)), radix: 16) + " \(data.count)"
    }

    /// Removes the cache, but only a folder ``checkIsOurs(_:)`` recognises as one Labbook made.
    public func removeAll() throws(FileError) {
        guard FileManager.default.fileExists(atPath: root.path) else { return }
        try Self.checkIsOurs(root)
        do {
            try FileManager.default.removeItem(at: root)
        } catch {
            throw FileError.wrapping(error, path: root.path, doing: "remove the cache")
        }
    }
}
