import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Diagnostics a person can read: one line per distinct cause with its count and first place,
/// errors before warnings, every place with `--verbose`.
@Suite("Readable diagnostics")
struct DiagnosticSummaryTests {
    static func warning(line: Int, _ message: String = "noise: 70 is beyond the Playground's control (0–50)") -> Diagnostic {
        .warning(message, at: SourceLocation(file: "Chapters/02-init.md", line: line, column: 8), id: .beyondPlayground)
    }

    @Test func twoHundredIdenticalWarningsAreOneLineWithTheirCountAndFirstPlace() {
        let warnings = (0..<200).map { Self.warning(line: 12 + 3 * $0) }
        let lines = DiagnosticSummary.lines(warnings)
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Chapters/02-init.md:12:8: warning: noise: 70"))
        #expect(lines[0].contains("200 times"))
        #expect(DiagnosticSummary.lines(warnings, verbose: true) == warnings.map(\.line))
    }

    @Test func errorsComeFirstAndDistinctCausesKeepTheirOwnLines() {
        let error = Diagnostic.error(
            "unknown key 'titel'", at: SourceLocation(file: "Chapters/09-end.md", line: 151, column: 1), id: .unknownKey)
        let other = Self.warning(line: 40, "noise: 80 is beyond the Playground's control (0–50)")
        let diagnostics = (0..<5).map { Self.warning(line: $0 + 1) } + [other, error]
        let lines = DiagnosticSummary.lines(diagnostics)
        #expect(lines.count == 3)
        #expect(lines[0] == error.line)
        #expect(lines[1].hasPrefix("Chapters/02-init.md:1:8:") && lines[1].contains("5 times"))
        #expect(lines[2] == other.line)
        let verbose = DiagnosticSummary.lines(diagnostics, verbose: true)
        #expect(verbose.count == 7 && verbose[0] == error.line)
    }

    /// End to end: `labbook check` on a chapter with the same out-of-range setting in 200 experiments.
    @Test func checkPrintsARepeatedWarningOnceAndEveryPlaceWithVerbose() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-tests-warnings-\(UUID().uuidString)")
        let chapters = root.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var text = "---\ntitle: Many\nchapter: 1\n---\n\n"
        for n in 1...200 { text += "```{experiment} e\(n)\ndataset: xor\nnoise: 70\nepochs: 1\n```\n\n" }
        try Data(text.utf8).write(to: chapters.appendingPathComponent("01-many.md"))
        let result = try Labbook.run(["check"], in: root)
        #expect(result.status == 0, "\(result.error)")
        let warnings = result.error.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("200 times") == true)
        #expect(warnings.first?.hasPrefix("Chapters/01-many.md:8:") == true)
        let verbose = try Labbook.run(["check", "--verbose"], in: root)
        #expect(verbose.error.split(separator: "\n").count { $0.contains("warning:") } == 200)
    }
}
