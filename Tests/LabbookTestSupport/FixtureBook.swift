import ChapterMarkdown
import Foundation

@testable import Workbook

/// A fixture book copied into a fresh temporary folder, so builds, caches and outputs of
/// different tests never meet.
public struct FixtureBook: Sendable {
    public let root: URL
    public var chapters: URL { root.appendingPathComponent("Chapters") }
    public var output: URL { root.appendingPathComponent("Output") }
    public var cache: URL { root.appendingPathComponent(".labbook-cache") }

    public static var fixtures: URL {
        repositoryRoot.appendingPathComponent("Tests/WorkbookTests/Fixtures")
    }

    public init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("labbook-tests-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent(name).appendingPathComponent("Chapters"), to: chapters)
        // The book's settings file, when the fixture has one, sits beside Chapters/.
        let settings = Self.fixtures.appendingPathComponent(name).appendingPathComponent("labbook.yml")
        if FileManager.default.fileExists(atPath: settings.path) {
            try FileManager.default.copyItem(at: settings, to: root.appendingPathComponent("labbook.yml"))
        }
    }

    /// A book already laid out at `root`.
    public init(root: URL) {
        self.root = root
    }

    public var options: BuildOptions {
        BuildOptions(chapters: chapters, output: output, cache: cache, jobs: 2, displayPrefix: "Chapters/")
    }

    @discardableResult
    public func build(edition: Edition = .instructor, output: URL? = nil) throws -> BuildReport {
        var o = options
        o.edition = edition
        if let output { o.output = output }
        return try Builder(options: o).build()
    }

    public func page(_ name: String, in folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? output).appendingPathComponent(name), encoding: .utf8)
    }

    public func edit(_ chapter: String, _ transform: (String) -> String) throws {
        let url = chapters.appendingPathComponent(chapter)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(transform(text).utf8).write(to: url)
    }

    /// Every file under `folder` (relative path → bytes), to compare trees byte for byte.
    public static func tree(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [:]
        }
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            result[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return result
    }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}

extension String {
    public func count(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}

extension [Diagnostic] {
    /// Whether one of these is of kind `id` where `location` says: a whole `file:line:col`, or a
    /// prefix such as `Chapters/01-x.md:3:` (any column of line 3). Tests match kinds and
    /// places, not wording, so messages can be improved without touching them.
    public func has(_ id: DiagnosticID, at location: String) -> Bool {
        let prefix = location.hasSuffix(":") ? location : location + ":"
        return contains { $0.id == id && ($0.location.map { "\($0):" } ?? "").hasPrefix(prefix) }
    }
}

/// The repository's root folder (the book whose `Chapters/` is the seed course).
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
