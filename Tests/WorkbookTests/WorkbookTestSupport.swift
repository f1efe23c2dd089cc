import ChapterMarkdown
import Foundation
import Plotting
import Testing
@testable import Workbook

/// A fixture book copied into a fresh temporary folder, so builds, caches and outputs of
/// different tests never meet.
struct FixtureBook {
    let root: URL
    var chapters: URL { root.appendingPathComponent("Chapters") }
    var output: URL { root.appendingPathComponent("Output") }
    var cache: URL { root.appendingPathComponent(".labbook-cache") }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    init(_ name: String) throws {
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
    init(root: URL) {
        self.root = root
    }

    var options: BuildOptions {
        BuildOptions(chapters: chapters, output: output, cache: cache, jobs: 2, displayPrefix: "Chapters/")
    }

    @discardableResult
    func build(edition: Edition = .instructor, output: URL? = nil) throws -> BuildReport {
        var o = options
        o.edition = edition
        if let output { o.output = output }
        return try Builder(options: o).build()
    }

    func page(_ name: String, in folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? output).appendingPathComponent(name), encoding: .utf8)
    }

    func edit(_ chapter: String, _ transform: (String) -> String) throws {
        let url = chapters.appendingPathComponent(chapter)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(transform(text).utf8).write(to: url)
    }

    /// Every file under `folder` (relative path → bytes), to compare trees byte for byte.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            result[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension String {
    func count(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}

/// One figure of a built fixture book, made again as a value from the runs its build cached,
/// with what it was made from: tests inspect what the build drew without reading pixels.
struct RemadeFigure {
    let spec: ExperimentSpec
    let store: RunStore
    let results: [CombinationResults]
    let panels: [ResultPanel]
    let figure: any Figure

    /// Requires every run of experiment `id` to be in the cache of `book` (built before).
    init(_ kind: FigureKind, of id: String, in book: FixtureBook) throws {
        let plan = Builder(options: book.options).check()
        store = RunStore(cache: BuildCache(root: book.cache))
        spec = try #require(plan.experiments[id]?.spec)
        #expect(store.loadCached(spec.combinations.flatMap(\.jobs)).isEmpty, "runs of \(id) missing from the cache")
        results = ResultsAnalysis.analyse([spec], store: store)[id]
        panels = ResultPanel.panels(of: spec, results: results)
        figure = try ExperimentPanels(
            panels: panels, display: spec.display, sweep: spec.sweep, resultMetric: .testLoss, store: store,
            evaluations: RunEvaluations()
        ).make(kind)
    }
}

extension [Diagnostic] {
    /// Whether one of these is of kind `id` where `location` says: a whole `file:line:col`, or a
    /// prefix such as `Chapters/01-x.md:3:` (any column of line 3). Tests match kinds and
    /// places, not wording, so messages can be improved without touching them.
    func has(_ id: DiagnosticID, at location: String) -> Bool {
        let prefix = location.hasSuffix(":") ? location : location + ":"
        return contains { $0.id == id && ($0.location.map { "\($0):" } ?? "").hasPrefix(prefix) }
    }
}
