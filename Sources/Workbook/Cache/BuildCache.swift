import Foundation

/// The build cache: content-addressed files under one folder (`.labbook-cache/` at the project
/// root). Every entry is written to a temporary file and renamed into place, so a reader sees
/// a whole entry or none; every entry carries a checksum, so a damaged one is recomputed,
/// never trusted.
public struct BuildCache: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// Bump to invalidate every entry written by an older layout.
    static let layoutVersion = "1"

    func url(_ kind: String, _ key: String, _ ext: String) -> URL {
        root.appendingPathComponent(kind).appendingPathComponent(String(key.prefix(2)))
            .appendingPathComponent("\(key).\(ext)")
    }

    /// Reads an entry, verifying its checksum (kept in a `.sum` sidecar); nil when missing or
    /// damaged.
    public func read(_ kind: String, _ key: String, _ ext: String) -> Data? {
        let file = url(kind, key, ext)
        guard let data = try? Data(contentsOf: file),
            let sum = try? String(contentsOf: file.appendingPathExtension("sum"), encoding: .utf8),
            sum == checksumText(data)
        else { return nil }
        return data
    }

    public func write(_ data: Data, _ kind: String, _ key: String, _ ext: String) throws {
        let file = url(kind, key, ext)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Data first, then its checksum: a crash in between leaves a mismatch, i.e. a miss.
        try atomicWrite(data, to: file)
        try atomicWrite(Data(checksumText(data).utf8), to: file.appendingPathExtension("sum"))
    }

    /// The path of a verified entry, to hard-link into the output.
    public func verifiedFile(_ kind: String, _ key: String, _ ext: String) -> URL? {
        read(kind, key, ext) == nil ? nil : url(kind, key, ext)
    }

    private func checksumText(_ data: Data) -> String {
        data.withUnsafeBytes { String(contentChecksum($0), radix: 16) } + " \(data.count)"
    }

    public func removeAll() throws {
        if FileManager.default.fileExists(atPath: root.path) {
            try FileManager.default.removeItem(at: root)
        }
    }
}

/// Writes `data` to a unique temporary file beside `url`, then renames it over `url`.
public func atomicWrite(_ data: Data, to url: URL) throws {
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp")
    try data.write(to: temporary)
    if rename(temporary.path, url.path) != 0 {
        try? FileManager.default.removeItem(at: temporary)
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
    }
}
