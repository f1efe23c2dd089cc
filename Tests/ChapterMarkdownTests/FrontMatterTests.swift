import Testing

@testable import ChapterMarkdown

@Suite("Front matter")
struct FrontMatterTests {
    @Test func titleChapterAndOtherKeys() throws {
        let (document, diagnostics) = parse(
            """
            ---
            title: "Learning XOR"
            chapter: 3
            author: Ada
            tags: [xor, mlp]
            ---
            # Heading
            """)
        #expect(diagnostics.isEmpty)
        let matter = try #require(document.frontMatter)
        #expect(matter.title == "Learning XOR")
        #expect(matter.chapter == 3)
        #expect(matter.fields == ["title": "Learning XOR", "chapter": "3", "author": "Ada"])
        #expect(matter.mapping.keys == ["title", "chapter", "author", "tags"])
        #expect(matter.mapping.entry("author")?.keyLocation == SourceLocation(file: "Chapters/test.md", line: 4, column: 1))
        #expect(matter.lines == 1...6)
        #expect(document.title == "Learning XOR")
        #expect(document.headings.first?.location.line == 7)
    }

    @Test func noFrontMatter() {
        let (document, diagnostics) = parse("# Only a heading\n")
        #expect(diagnostics.isEmpty)
        #expect(document.frontMatter == nil)
        #expect(document.title == "Only a heading")
    }

    @Test func frontMatterIsNotRenderedAsMarkdown() {
        let output = html("---\ntitle: T\n---\nBody.\n")
        #expect(!output.contains("<hr"))
        #expect(!output.contains("title"))
        #expect(output == "<p>Body.</p>\n")
    }

    @Test func malformedFrontMatterIsReportedAtTheChapterLine() throws {
        let (document, diagnostics) = parse(
            """
            ---
            title: XOR
            chapter: [3
            ---
            Body.
            """)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        // libyaml only notices at the end of the YAML (the closing '---' on line 4);
        // the note points at the unclosed '[' on line 3.
        #expect(
            diagnostic.description
                == "Chapters/test.md:4:1: error: malformed YAML in front matter: did not find expected ',' or ']'")
        #expect(diagnostic.notes == ["while parsing a flow sequence at Chapters/test.md:3:10"])
        #expect(render(document) == "<p>Body.</p>\n")
    }

    @Test func badIndentInFrontMatterLine() throws {
        let diagnostic = try #require(parse("---\ntitle: a\n  bad: b\n---\n").1.first)
        #expect(diagnostic.location == SourceLocation(file: "Chapters/test.md", line: 3, column: 6))
    }

    @Test func unclosedFrontMatter() throws {
        let diagnostic = try #require(parse("---\ntitle: a\n\nBody\n").1.first)
        #expect(diagnostic.description == "Chapters/test.md:1:1: error: front matter is not closed")
    }

    @Test func chapterMustBeANumber() throws {
        let diagnostic = try #require(parse("---\nchapter: three\n---\n").1.first)
        #expect(diagnostic.description == "Chapters/test.md:2:10: error: 'chapter' must be a whole number")
    }

    @Test func frontMatterMustBeAMapping() throws {
        let diagnostic = try #require(parse("---\n- a\n- b\n---\n").1.first)
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.id == .notAMapping)
    }
}
