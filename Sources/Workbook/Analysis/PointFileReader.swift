import ChapterMarkdown
import PlaygroundTrainer

/// Reads an author's own points from CSV text (`dataset: data/points.csv`).
///
/// The format, kept small on purpose so every problem can be named:
/// - UTF-8 text as spreadsheets write CSV: LF or CRLF line ends, an optional byte-order mark,
///   fields optionally quoted (``CSVText``); `#` starts a comment line; blank lines are skipped.
///   Control characters (NUL, escape, …) are errors; numbers are plain decimals or exponents.
/// - The first other line is the header: the columns `x1`, `x2`, `label` and optionally `split`,
///   in any order, each once.
/// - Each row: numbers for x1 and x2 inside the Playground's plane (−6 … 6, unless the author
///   asks for `rescale: true`); the label −1 or 1 (or 0 or 1) for classification, any number
///   for regression; `split` is `train` or `test`.
/// - Classification when every label is −1/1 or every label is 0/1 (0 becomes −1, the orange
///   class); regression otherwise. Labels that mix 0 with −1 and 1 are refused as ambiguous.
///
/// Every problem is a diagnostic at the file's line and column, saying what would be valid.
struct PointFileReader {
    /// The plane the Playground draws and its inputs are scaled for.
    static let planeLimit = 6.0
    /// At most this many rows: training cost grows with them, and the Playground has 500 or 1200.
    static let maximumRows = 5000
    static let columns = ["x1", "x2", "label", "split"]

    /// The path as diagnostics show it (`Chapters/data/points.csv`).
    let displayPath: String
    /// The path as the chapter wrote it, kept in the point set.
    let writtenPath: String
    var diagnostics = DiagnosticCollector()

    /// The parsed rows (unscaled), or nil when the file has errors (all reported).
    ///
    /// Reading stops at the first line that is not text (not UTF-8, a control character, an
    /// unclosed quote), after 20 errors, and at the row limit: a huge file costs no more than
    /// its first ``maximumRows`` rows.
    mutating func read(_ bytes: [UInt8], rescale: Bool) -> (PointSet, maximum: Double)? {
        var header: [String: Int]? = nil
        var columnCount = 0
        var rows: [PointSet.Row] = []
        var rowLines: [Int] = []
        var labelColumns: [Int] = []
        var lastLine = 1
        let errorsBefore = diagnostics.errorCount
        for (lineNumber, lineBytes) in CSVText.lines(bytes) {
            if CSVText.isBlank(lineBytes) { continue }
            let fields: [CSVText.Field]
            do {
                let line = try CSVText.text(of: lineBytes)
                let trimmed = line.trimmingCharacters(in: " \t")
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                fields = try CSVText.fields(line)
            } catch {
                diagnostics.error(
                    error.message, at: SourceLocation(file: displayPath, line: lineNumber, column: error.column), hint: error.hint,
                    id: .pointFileRow)
                return nil
            }
            // A row a spreadsheet wrote for an empty line (",,,") is a blank line.
            if header != nil, fields.allSatisfy(\.text.isEmpty) { continue }
            lastLine = lineNumber
            guard let columnsByName = header else {
                header = readHeader(fields, line: lineNumber)
                columnCount = fields.count
                if header == nil { return nil }
                continue
            }
            if diagnostics.errorCount - errorsBefore >= 20 { break }  // enough to fix first
            guard fields.count == columnCount else {
                error(
                    "the row has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header \(columnCount)", line: lineNumber,
                    column: 1,
                    hint: "write one value for each column of the header (\(orderedNames(columnsByName)))", id: .pointFileRow)
                continue
            }
            guard rows.count < Self.maximumRows else {
                error(
                    "more than \(Self.maximumRows) rows", line: lineNumber, column: 1, hint: "use at most \(Self.maximumRows) points",
                    id: .tooManyPoints)
                break
            }
            func number(_ name: String) -> Double? {
                let field = fields[columnsByName[name]!]
                let shown = CSVText.shortened(field.text)
                guard let value = CSVText.number(field.text) else {
                    error(
                        "\(name) '\(shown)' is not a number", line: lineNumber, column: field.column,
                        hint: name == "label"
                            ? "a label is -1 or 1 (or 0 or 1) to classify, any number to regress"
                            : "a number such as -2.5 or 1e-3 (decimal point, no thousands separators)",
                        id: .badValue)
                    return nil
                }
                if name != "label", abs(value) > Self.planeLimit, !rescale {
                    error(
                        "\(name) = \(shown) is outside the Playground's plane (-6 to 6)", line: lineNumber, column: field.column,
                        hint: "scale the data into -6 … 6, or write 'rescale: true' in the experiment to shrink every point by one factor",
                        id: .badValue)
                    return nil
                }
                return value
            }
            let x = number("x1"), y = number("x2"), label = number("label")
            var split: PointSet.Split? = nil
            if let splitColumn = columnsByName["split"] {
                let field = fields[splitColumn]
                split = PointSet.Split(rawValue: field.text.lowercased())
                if split == nil {
                    error(
                        "split '\(CSVText.shortened(field.text))' is neither train nor test", line: lineNumber, column: field.column,
                        hint: "valid: train, test", id: .badValue)
                }
            }
            guard let x, let y, let label, split != nil || columnsByName["split"] == nil else { continue }
            rows.append(PointSet.Row(x: x, y: y, label: label, split: split))
            rowLines.append(lineNumber)
            labelColumns.append(fields[columnsByName["label"]!].column)
        }
        guard let columnsByName = header else {
            error(
                "the file has no header and no points", line: 1, column: 1, hint: "start with the header line x1,x2,label",
                id: .pointFileHeader)
            return nil
        }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        guard rows.count >= 2 else {
            error(
                "the file has \(rows.count) point\(rows.count == 1 ? "" : "s")", line: lastLine, column: 1,
                hint: "at least 2 points are needed, one to train and one to test",
                id: .tooFewPoints)
            return nil
        }
        if columnsByName["split"] != nil {
            for set in [PointSet.Split.train, .test] where !rows.contains(where: { $0.split == set }) {
                error(
                    "no row is in the \(set.rawValue) set", line: lastLine, column: 1, hint: "mark at least one row 'train' and one 'test'",
                    id: .tooFewPoints)
                return nil
            }
        }
        guard let isRegression = classify(&rows, lines: rowLines, columns: labelColumns) else { return nil }
        let maximum = rows.reduce(0.0) { max($0, abs($1.x), abs($1.y)) }
        return (PointSet(path: writtenPath, sha256: SHA256.hex(bytes), rows: rows, isRegression: isRegression), maximum)
    }

    /// Column index by name; nil (with an error) when the header is not x1, x2, label[, split].
    private mutating func readHeader(_ fields: [CSVText.Field], line: Int) -> [String: Int]? {
        var byName: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            let name = field.text.lowercased()
            guard Self.columns.contains(name) else {
                error(
                    "unknown column '\(CSVText.shortened(field.text))' in the header", line: line, column: field.column,
                    hint: "the header names the columns x1, x2, label and optionally split, e.g. x1,x2,label", id: .pointFileHeader)
                return nil
            }
            guard byName[name] == nil else {
                error(
                    "the column '\(name)' appears twice in the header", line: line, column: field.column,
                    hint: "name each of x1, x2, label (and split) once",
                    id: .pointFileHeader)
                return nil
            }
            byName[name] = index
        }
        for name in ["x1", "x2", "label"] where byName[name] == nil {
            error(
                "the header has no column '\(name)'", line: line, column: 1,
                hint: "the header names the columns x1, x2, label and optionally split, e.g. x1,x2,label",
                id: .pointFileHeader)
            return nil
        }
        return byName
    }

    /// Decides classification or regression; maps 0/1 labels to −1/1. Nil (with an error at the
    /// first offending row) for labels that mix 0 with −1 and 1, or a single class.
    private mutating func classify(_ rows: inout [PointSet.Row], lines: [Int], columns: [Int]) -> Bool? {
        let labels = Set(rows.map(\.label))
        if labels.isSubset(of: [-1, 1]) || labels.isSubset(of: [0, 1]) {
            guard labels.count == 2 else {
                error(
                    "every point has the label \(javaScriptNumberString(labels.first ?? 0)): nothing to classify", line: lines[0],
                    column: columns[0],
                    hint: "classification needs both classes, -1 and 1 (or 0 and 1)", id: .badLabels)
                return nil
            }
            if labels.contains(0) {
                for index in rows.indices { rows[index].label = rows[index].label == 0 ? -1 : 1 }
            }
            return false
        }
        if labels.isSubset(of: [-1, 0, 1]) {
            let first = rows.firstIndex { $0.label == 0 } ?? 0
            error(
                "the labels mix 0 with -1 and 1", line: lines[first], column: columns[first],
                hint: "classify with labels -1 and 1 (or 0 and 1); for regression use other numbers too", id: .badLabels)
            return nil
        }
        return true
    }

    private func orderedNames(_ byName: [String: Int]) -> String {
        byName.sorted { $0.value < $1.value }.map(\.key).joined(separator: ",")
    }

    private mutating func error(_ message: String, line: Int, column: Int, hint: String, id: DiagnosticID) {
        diagnostics.error(message, at: SourceLocation(file: displayPath, line: line, column: column), hint: hint, id: id)
    }
}
