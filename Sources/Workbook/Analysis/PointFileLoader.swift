import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// Finds and reads the CSV file an experiment names (`dataset: data/points.csv`).
///
/// Paths are relative to the chapters folder (`Chapters/`), written with `/`, and must stay
/// inside the book's folder (the one holding `Chapters/` and `labbook.yml`): an absolute path, or
/// `..` (or a symbolic link) leading outside it, is refused, so that a book is self-contained and
/// a chapter cannot read arbitrary files of the machine that builds it.
public struct PointFileLoader: Sendable {
    public let chaptersFolder: URL
    /// How diagnostics show the chapters folder (`Chapters/`).
    public let displayPrefix: String

    public init(chaptersFolder: URL, displayPrefix: String) {
        self.chaptersFolder = chaptersFolder
        self.displayPrefix = displayPrefix
    }

    /// Whether a `dataset` value names a file rather than a generator.
    static func isFileName(_ text: String) -> Bool {
        text.lowercased().hasSuffix(".csv")
    }

    /// The point set, or nil after reporting why not: problems with the path at `location` (the
    /// chapter's value), problems inside the file at the file's line and column.
    func load(
        _ written: String, rescale: Bool, at location: SourceLocation, diagnostics: inout DiagnosticCollector
    ) -> PointSet? {
        let valid = "a path relative to \(displayPrefix.isEmpty ? "the chapters folder" : displayPrefix) inside the book's folder, e.g. data/points.csv"
        guard !written.hasPrefix("/"), !written.hasPrefix("~"), !written.contains("\\") else {
            diagnostics.error("dataset: '\(written)' is not a relative path", at: location, hint: "valid: \(valid)", id: .badValue)
            return nil
        }
        let bookFolder = chaptersFolder.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL
        let file = chaptersFolder.appendingPathComponent(written).resolvingSymlinksInPath().standardizedFileURL
        let root = bookFolder.path.hasSuffix("/") ? bookFolder.path : bookFolder.path + "/"
        guard file.path.hasPrefix(root) else {
            diagnostics.error("dataset: '\(written)' leads outside the book's folder", at: location, hint: "valid: \(valid)", id: .badValue)
            return nil
        }
        let relative = String(file.path.dropFirst(root.count))
        let bookDisplay = (displayPrefix.hasSuffix("/") ? String(displayPrefix.dropLast()) : displayPrefix) as NSString
        let parent = bookDisplay.deletingLastPathComponent
        let display = parent.isEmpty ? relative : parent + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let data = FileManager.default.contents(atPath: file.path)
        else {
            diagnostics.error("dataset: no file \(display)", at: location, hint: "valid: \(valid), or one of \(Dataset.generators.map(\.rawValue).joined(separator: ", "))",
                id: .badValue)
            return nil
        }
        var reader = PointFileReader(displayPath: display, writtenPath: written)
        let read = reader.read([UInt8](data), rescale: rescale)
        diagnostics.append(
            contentsOf: DiagnosticRanges.complete(
                reader.diagnostics.diagnostics, texts: [display: String(decoding: data, as: UTF8.self)]))
        guard let (read, maximum) = read else { return nil }
        var points = read
        if rescale, maximum > PointFileReader.planeLimit {
            let factor = PointFileReader.planeLimit / maximum
            points.scale = factor
            points.rows = points.rows.map { PointSet.Row(x: $0.x * factor, y: $0.y * factor, label: $0.label, split: $0.split) }
            diagnostics.warning(
                "dataset: \(display) reaches \(javaScriptNumberString(maximum)); every position is multiplied by \(String(format: "%.4g", factor)) to fit the Playground's plane (-6 to 6)",
                at: location, id: .beyondPlayground)
        }
        return points
    }
}
