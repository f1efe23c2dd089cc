import Testing

@testable import ChapterMarkdown
@testable import ChapterStress

/// Large inputs are handled in one pass each (math protection, role locations, token
/// splicing work forward over bytes). These pin the results on big chapters; the times are
/// measured by `swift run -c release ChapterStress bench 1 3 10` (see the README).
@Suite("Large chapters")
struct LargeChapterTests {
    @Test func oneLongParagraphOfMathAndRolesKeepsEveryLocation() throws {
        let count = 3_000
        let line = (0..<count).map { "w$x_{\($0)}$ {value}`e\($0).epochs`é" }.joined(separator: " ")
        let (document, diagnostics) = parse("Intro.\n\n" + line + "\n")
        #expect(diagnostics.isEmpty)
        #expect(document.math.count == count)
        #expect(document.inlineRoles.count == count)
        // Each piece is 31 or more scalars; the last one's columns follow from the text before it.
        let lastPiece = try #require(line.range(of: " w$x_{\(count - 1)}$"))
        let before = line[..<lastPiece.lowerBound].unicodeScalars.count
        #expect(document.math.last?.location == SourceLocation(file: "Chapters/test.md", line: 3, column: before + 3))
        let lastRole = try #require(line.range(of: "{value}`e\(count - 1).epochs`"))
        #expect(
            document.inlineRoles.last?.location
                == SourceLocation(
                    file: "Chapters/test.md", line: 3, column: line[..<lastRole.lowerBound].unicodeScalars.count + 1))
    }

    @Test func manyUnclosedOpenersStayText() {
        let text = String(repeating: "\\( $a ` `` ", count: 2_000) + "\n"
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        #expect(document.math.isEmpty)
    }

    @Test func placeholderPrefixAvoidsEveryRunOfItself() {
        let source = "LBKX LBKXQQQ LBKXQ"
        let scheme = PlaceholderScheme(avoiding: source)
        #expect(scheme.prefix == "LBKXQQQQ")
        #expect(!source.contains(scheme.prefix))
    }

    @Test func benchChaptersParseCleanly() {
        for kind in BenchChapter.allCases {
            let (_, diagnostics) = ChapterSource.parse(text: kind.text(bytes: 20_000), path: "bench.md")
            #expect(diagnostics.isEmpty, "\(kind)")
        }
    }
}
