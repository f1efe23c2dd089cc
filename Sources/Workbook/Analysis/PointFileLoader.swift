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

    /// The largest data file read: 5,000 rows of four values take well under 1 MB, so this only
    /// stops a file that would cost memory and time before the row limit could say so.
    static let maximumBytes = 16 << 20

    enum ReadFailure: Error {
        case missing
        case tooLarge(Int)
    }

    /// A regular file's bytes, its size checked before reading and at most
    /// ``maximumBytes`` + 1 read (a file that grows meanwhile is caught too). A FIFO or device
    /// named like a CSV file is missing, not a read that never ends.
    static func contents(of file: URL) -> Result<[UInt8], ReadFailure> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return .failure(.missing) }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else { return .failure(.tooLarge(size)) }
        guard let handle = try? FileHandle(forReadingFrom: file) else { return .failure(.missing) }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumBytes + 1) else { return .success([]) }
        guard data.count <= maximumBytes else { return .failure(.tooLarge(data.count)) }
        return .success([UInt8](data))
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
        let valid =
            "a path relative to \(displayPrefix.isEmpty ? "the chapters folder" : displayPrefix) inside the book's folder, e.g. data/points.csv"
        guard !written.hasPrefix("/"), !written.hasPrefix("~"), !written.contains("\\") else {
            diagnostics.error("dataset: '\(written)' is not a relative path", at: location, hint: "valid: \(valid)", id: .badValue)
            return nil
        }
        let bookFolder = chaptersFolder.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL
        let named = chaptersFolder.appendingPathComponent(written)
        let file = named.resolvingSymlinksInPath().standardizedFileURL
        let root = bookFolder.path.hasSuffix("/") ? bookFolder.path : bookFolder.path + "/"
        let escape = BookContainment.escape(of: named, bookFolder: bookFolder)
        guard file.path.hasPrefix(root), escape == nil else {
            let why = escape.map { ": \($0)" } ?? ""
            diagnostics.error(
                "dataset: '\(TerminalText.escaped(written))' leads outside the book's folder\(why)", at: location, hint: "valid: \(valid)",
                id: .badValue)
            return nil
        }
        let relative = String(file.path.dropFirst(root.count))
        let bookDisplay = (displayPrefix.hasSuffix("/") ? String(displayPrefix.dropLast()) : displayPrefix) as NSString
        let parent = bookDisplay.deletingLastPathComponent
        let display = parent.isEmpty ? relative : parent + "/" + relative
        let data: [UInt8]
        switch Self.contents(of: file) {
        case .success(let bytes):
            data = bytes
        case .failure(.missing):
            diagnostics.error(
                "dataset: no file \(display)", at: location,
                hint: "valid: \(valid), or one of \(Dataset.generators.map(\.rawValue).joined(separator: ", "))", id: .badValue)
            return nil
        case .failure(.tooLarge(let size)):
            diagnostics.error(
                "dataset: \(display) has \(size) bytes, more than the \(Self.maximumBytes >> 20) MB a data file may have", at: location,
                hint: "a file of at most \(PointFileReader.maximumRows) points is far smaller; keep one data set per file", id: .badValue)
            return nil
        }
        var reader = PointFileReader(displayPath: display, writtenPath: written)
        let read = reader.read(data, rescale: rescale)
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
