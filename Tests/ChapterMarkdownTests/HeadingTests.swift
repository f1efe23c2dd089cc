import Testing

@testable import ChapterMarkdown

@Suite("Headings")
struct HeadingTests {
    @Test func headingsGetUniqueIDs() {
        let (document, _) = parse(
            """
            # Learning XOR

            ## Why *non-linear*?

            ### Results

            ## Results

            ## Results
            """)
        #expect(document.headings.map(\.level) == [1, 2, 3, 2, 2])
        #expect(document.headings.map(\.id) == ["learning-xor", "why-non-linear", "results", "results-1", "results-2"])
        #expect(document.headings[1].text == "Why non-linear?")
        #expect(document.headings[1].location == SourceLocation(file: "Chapters/test.md", line: 3, column: 1))
        let output = render(document)
        #expect(output.contains("<h1 id=\"learning-xor\">Learning XOR</h1>"))
        #expect(output.contains("<h2 id=\"why-non-linear\">Why <em>non-linear</em>?</h2>"))
        #expect(output.contains("<h3 id=\"results\">Results</h3>"))
        #expect(output.contains("<h2 id=\"results-2\">Results</h2>"))
    }

    @Test func setextHeadingsAndEmptySlugs() {
        let (document, _) = parse("Intro\n=====\n\n## ???\n")
        #expect(document.headings.map(\.id) == ["intro", "section"])
        #expect(render(document).contains("<h2 id=\"section\">???</h2>"))
    }

    @Test func slugRules() {
        #expect(Heading.slug("Gradient  Descent -- step_size") == "gradient-descent-step-size")
        #expect(Heading.slug("Über Netze") == "über-netze")
        #expect(Heading.slug("The \\(\\tanh\\) unit") == "the-tanh-unit")
    }
}
