import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// `labbook check` on a corpus of broken chapters (Fixtures/broken): every diagnostic has a
/// specific ID and a range, and `--format json` is what editors can read.
@Suite("Diagnostic corpus", .serialized)
struct DiagnosticCorpusTests {
    /// Kinds the corpus must produce, one or more problems each; a kind that stops being
    /// reported (or starts being reported under another ID) fails here.
    static let expectedIDs: Set<DiagnosticID> = [
        .notUTF8, .badFileName,
        .directiveSyntax, .unknownDirective, .unclosedBlock, .unknownRole, .refusedURL, .refusedHTML,
        .malformedYAML, .yamlAlias, .duplicateKey, .notAMapping,
        .unknownKey, .missingKey, .wrongType, .badValue, .duplicateValue, .settingsConflict, .beyondPlayground,
        .notADefault,
        .missingID, .badID, .duplicateID, .cannotVary, .tooManyCombinations, .unknownFigure, .figureNeedsSweep,
        .figureNotShown, .unknownMetric, .unusableMetric,
        .unknownReference, .badReference,
        .pointFileHeader, .pointFileRow,
    ]
    static let keys = ["file", "line", "column", "endLine", "endColumn", "severity", "id", "message", "hint", "notes"]

    static func check(_ book: FixtureBook, _ arguments: [String] = ["--format", "json"]) throws -> Labbook.Result {
        try Labbook.run(["check"] + arguments, in: book.root)
    }

    static func objects(_ json: String) throws -> [[String: Any]] {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(parsed as? [[String: Any]])
    }

    @Test func jsonHasEveryFieldWithItsTypeAndARangeThatDoesNotRunBackwards() throws {
        let book = try FixtureBook("broken")
        defer { book.remove() }
        let result = try Self.check(book)
        #expect(result.status == 1)
        #expect(result.error.isEmpty, "json mode keeps standard error quiet: \(result.error)")
        let objects = try Self.objects(result.output)
        #expect(objects.count >= 40)
        let known = Set(DiagnosticID.allCases.map(\.rawValue))
        for object in objects {
            #expect(Set(object.keys) == Set(Self.keys), "\(object)")
            let id = try #require(object["id"] as? String)
            #expect(known.contains(id), "unknown id \(id)")
            #expect(id != "labbook.general")
            #expect(["error", "warning"].contains(object["severity"] as? String))
            #expect((object["message"] as? String)?.isEmpty == false)
            #expect(object["hint"] is String || object["hint"] is NSNull)
            #expect((object["notes"] as? [Any])?.allSatisfy { $0 is String } == true)
            let file = try #require(object["file"] as? String, "every problem in the corpus is in a file: \(object)")
            #expect(file.hasPrefix("Chapters/") || file == "labbook.yml")
            let numbers = try Self.keys[1...4].map { try #require(object[$0] as? Int, "\($0) of \(object)") }
            let (line, column, endLine, endColumn) = (numbers[0], numbers[1], numbers[2], numbers[3])
            #expect(line >= 1 && column >= 1)
            #expect(endLine > line || (endLine == line && endColumn >= column), "range runs backwards: \(object)")
            // Only a file name that was refused unread has nothing to underline.
            if id != DiagnosticID.badFileName.rawValue {
                #expect(endLine > line || endColumn > column, "empty range: \(object)")
            }
        }
        let found = Set(objects.compactMap { ($0["id"] as? String).flatMap(DiagnosticID.init(rawValue:)) })
        #expect(Self.expectedIDs.subtracting(found).isEmpty, "not reported: \(Self.expectedIDs.subtracting(found))")
    }

    @Test func jsonKeysComeInOneOrderAndTheOutputIsTheSameEachRun() throws {
        let book = try FixtureBook("broken")
        defer { book.remove() }
        let first = try Self.check(book).output
        #expect(try Self.check(book).output == first)
        let objectLines = first.split(separator: "\n").filter { $0.hasPrefix("  {") }
        #expect(!objectLines.isEmpty)
        for line in objectLines {
            let positions = Self.keys.map { line.range(of: "\"\($0)\": ")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "key order: \(line)")
        }
    }

    @Test func textAndJSONReportTheSameProblemsEachWithItsID() throws {
        let book = try FixtureBook("broken")
        defer { book.remove() }
        // Every place (`--verbose`), errors first in both.
        let text = try Self.check(book, ["--verbose"])
        #expect(text.status == 1)
        let lines = text.error.split(separator: "\n").filter { !$0.hasPrefix("labbook: ") }
        let objects = try Self.objects(try Self.check(book).output)
        #expect(lines.count == objects.count)
        for (line, object) in zip(lines, objects) {
            let id = try #require(object["id"] as? String)
            #expect(line.hasSuffix("[\(id)]"), "\(line)")
            #expect(line.hasPrefix("\(object["file"] ?? ""):\(object["line"] ?? ""):\(object["column"] ?? ""): "))
        }
    }

    @Test func aCleanBookGivesAnEmptyArrayAndStatusZero() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let result = try Self.check(book)
        #expect(result.status == 0)
        #expect(result.output == "[]\n")
    }

    @Test func aRefusedFolderIsOneDiagnosticWithoutAFile() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let result = try Self.check(book, ["--format", "json", "--output", "."])
        #expect(result.status == 1)
        let objects = try Self.objects(result.output)
        #expect(objects.count == 1)
        #expect(objects.first?["id"] as? String == DiagnosticID.unsafeFolder.rawValue)
        #expect(objects.first?["file"] is NSNull)
    }

    @Test func theReadmeListsEveryID() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for id in DiagnosticID.allCases {
            #expect(text.contains("`\(id.rawValue.dropFirst("labbook.".count))`"), "README misses \(id)")
        }
    }

    @Test func stringsAreEscaped() {
        #expect(DiagnosticJSON.string("a\"b\\c\nd\u{1}é") == "\"a\\\"b\\\\c\\nd\\u0001é\"")
    }
}
