import ChapterMarkdown
import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// Own CSV files as spreadsheets write them (issue 26, F3–F5): CRLF, a byte-order mark and
/// quoted fields are read; control bytes, hexadecimal or trailing garbage are errors at the
/// file's line and column; a huge file is refused before it is read, and long values are cut
/// short in messages.
@Suite("Own data CSV as spreadsheets write it")
struct OwnDataCSVTests {
    static let rows = "1.25,-0.5,1\n-2,3.1,-1\n2,2,1\n-1,-1,-1\n"

    func read(_ bytes: [UInt8]) -> (points: PointSet?, errors: [String]) {
        var reader = PointFileReader(displayPath: "Chapters/data/p.csv", writtenPath: "data/p.csv")
        let read = reader.read(bytes, rescale: false)
        return (read?.0, reader.diagnostics.diagnostics.filter { $0.severity == .error }.map(\.description))
    }

    func read(_ text: String) -> (points: PointSet?, errors: [String]) { read(Array(text.utf8)) }

    @Test func crlfLineEndsAreReadLikeLF() throws {
        let lf = read("x1,x2,label\n" + Self.rows).points
        let crlf = read(("x1,x2,label\n" + Self.rows).replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.errors == [])
        #expect(lf != nil && crlf.points?.rows == lf?.rows)
        // A last line without its line end, with a CR only, is read too.
        let unterminated = read("x1,x2,label\r\n1,1,1\r\n-1,-1,-1\r")
        #expect(unterminated.errors == [])
        #expect(unterminated.points?.rows.count == 2)
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let bom = read(CSVText.byteOrderMark + Array(("x1,x2,label\r\n" + Self.rows).utf8))
        #expect(bom.errors == [])
        #expect(bom.points?.rows.count == 4)
        // Only at the start: a BOM before a later field is not a number (column counts after the BOM).
        let inside = read(CSVText.byteOrderMark + Array("x1,x2,label\n1,\u{FEFF}1,1\n".utf8))
        #expect(inside.errors == ["Chapters/data/p.csv:2:3: error: x2 '\u{FEFF}1' is not a number"])
    }

    @Test func quotedFieldsAsSpreadsheetsWriteThem() throws {
        let quoted = read("\"x1\",\"x2\",\"label\",\"split\"\n\"1.5\",\"-2\",1,\"train\"\n-1, \"2\" ,-1,test\n")
        #expect(quoted.errors == [])
        #expect(quoted.points?.rows.map(\.x) == [1.5, -1])
        #expect(quoted.points?.rows.map(\.y) == [-2, 2])
        // A decimal comma inside quotes is one field, and not a number.
        #expect(
            read("x1,x2,label\n\"1,5\",1,1\n").errors == [
                "Chapters/data/p.csv:2:2: error: x1 '1,5' is not a number"
            ])
        #expect(
            read("x1,x2,label\n\"1.5,1,1\n").errors == [
                "Chapters/data/p.csv:2:1: error: the quoted field is not closed on its line"
            ])
        #expect(
            read("x1,x2,label\n\"1.5\"x,1,1\n").errors == [
                "Chapters/data/p.csv:2:6: error: text after the closing quote"
            ])
    }

    @Test func aSpreadsheetsEmptyRowIsABlankLine() throws {
        let result = read("x1,x2,label\n1,1,1\n,,\n-1,-1,-1\n,,\n")
        #expect(result.errors == [])
        #expect(result.points?.rows.count == 2)
    }

    @Test(
        "control bytes are errors at their line and column",
        arguments: [
            ("x1,x2,label\n1.5\u{0}garbage,1,1\n-1,-1,-1\n", "Chapters/data/p.csv:2:4: error: a control character (U+0000) in the file"),
            ("x1,x2,label\n1,1,1\n-1,-1,-1\u{1B}[2J\n", "Chapters/data/p.csv:3:9: error: a control character (U+001B) in the file"),
            ("x1,x2,label\n1,1\r,1\n", "Chapters/data/p.csv:2:4: error: a carriage return (U+000D) inside a line in the file"),
            ("# a comment \u{7}\nx1,x2,label\n1,1,1\n", "Chapters/data/p.csv:1:13: error: a control character (U+0007) in the file"),
            ("x1,x2,label\n1,1,1\n-1,-1,\u{9B}1\n", "Chapters/data/p.csv:3:7: error: a control character (U+009B) in the file"),
        ])
    func controlBytes(text: String, expected: String) throws {
        let result = read(text)
        #expect(result.points == nil)
        #expect(result.errors == [expected])
    }

    @Test func bytesThatAreNotUTF8AreAnErrorAtTheirLineAndColumn() throws {
        let result = read(Array("x1,x2,label\n1,1,1\n-1,".utf8) + [0xFF] + Array(",-1\n".utf8))
        #expect(result.errors == ["Chapters/data/p.csv:3:4: error: the file is not UTF-8 text"])
    }

    @Test(
        "numbers are plain decimals or exponents",
        arguments: [
            ("0x1p2", false), ("1.5abc", false), ("inf", false), ("nan", false), ("1e400", false), ("1,5", false),
            ("1_000", false), (".", false), ("e3", false), ("1e", false), ("--1", false), ("", false),
            ("-2.5", true), ("+3", true), (".5", true), ("3.", true), ("1e-3", true), ("2.5E+1", true), ("-0", true),
        ])
    func numberForms(text: String, accepted: Bool) {
        #expect((CSVText.number(text) != nil) == accepted)
    }

    @Test func hexadecimalIsNotACoordinate() {
        #expect(read("x1,x2,label\n0x1p2,1,1\n-1,-1,-1\n").errors == ["Chapters/data/p.csv:2:1: error: x1 '0x1p2' is not a number"])
    }

    @Test func aLongValueIsCutShortInTheMessage() throws {
        let field = String(repeating: "9", count: 1_000_000) + "x"
        let result = read("x1,x2,label\n" + field + ",1,1\n-1,-1,-1\n")
        #expect(result.errors.first == "Chapters/data/p.csv:2:1: error: x1 '\(String(repeating: "9", count: 40))…' is not a number")
        let header = read("x1,x2," + String(repeating: "y", count: 500) + "\n")
        #expect(header.errors.first?.contains("'\(String(repeating: "y", count: 40))…'") == true)
    }

    @Test func aLineOfAMillionCommasStopsAtTheFieldLimit() {
        let result = read("x1,x2,label\n" + String(repeating: ",", count: 1_000_000) + "1\n")
        #expect(result.errors == ["Chapters/data/p.csv:2:64: error: more than 64 fields on the line"])
    }

    /// Reading stops at the row limit: the millionth row is never looked at (it would be an
    /// error of its own, but only the limit is reported).
    @Test func readingStopsAtTheRowLimit() throws {
        var text = "x1,x2,label\n"
        for i in 0..<(PointFileReader.maximumRows + 10) { text += i % 2 == 0 ? "1,1,1\n" : "-1,-1,-1\n" }
        text += "garbage,that,would,be,an,error\n"
        let result = read(text)
        #expect(result.errors == ["Chapters/data/p.csv:\(PointFileReader.maximumRows + 2):1: error: more than 5000 rows"])
    }
}

/// The file around the reader: its size before its bytes, symbolic links out of the book.
@Suite("Own data files on disk")
struct OwnDataFileTests {
    static func folder() throws -> (book: URL, chapters: URL) {
        let book = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-csv-\(UUID().uuidString)")
        let chapters = book.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters.appendingPathComponent("data"), withIntermediateDirectories: true)
        return (book, chapters)
    }

    func load(_ written: String, chapters: URL) -> (PointSet?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let loader = PointFileLoader(chaptersFolder: chapters, displayPrefix: "Chapters/")
        let points = loader.load(
            written, rescale: false, at: SourceLocation(file: "Chapters/01.md", line: 7, column: 10), diagnostics: &diagnostics)
        return (points, diagnostics.diagnostics)
    }

    /// A sparse file of 1 GB: refused from its size, so the test would take seconds and
    /// gigabytes if the file were read (its size on disk is a few blocks).
    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let (book, chapters) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: book) }
        let file = chapters.appendingPathComponent("data/huge.csv")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("x1,x2,label\n".utf8))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let (points, diagnostics) = load("data/huge.csv", chapters: chapters)
        #expect(points == nil)
        #expect(
            diagnostics.map { $0.description } == [
                "Chapters/01.md:7:10: error: dataset: Chapters/data/huge.csv has 1073741824 bytes, more than the 16 MB a data file may have"
            ])
    }

    @Test func aDataFileLinkedOutsideTheBookNamesItsTarget() throws {
        let (book, chapters) = try Self.folder()
        defer { try? FileManager.default.removeItem(at: book) }
        let outside = book.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).csv")
        try Data("x1,x2,label\n1,1,1\n-1,-1,-1\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            atPath: chapters.appendingPathComponent("data/p.csv").path, withDestinationPath: outside.path)
        let (points, diagnostics) = load("data/p.csv", chapters: chapters)
        #expect(points == nil)
        let message = diagnostics.first?.message ?? ""
        #expect(message.hasPrefix("dataset: 'data/p.csv' leads outside the book's folder: it is a symbolic link to \(outside.path)"))
    }
}
