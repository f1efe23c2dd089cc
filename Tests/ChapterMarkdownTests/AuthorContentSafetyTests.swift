import Testing

@testable import ChapterMarkdown

/// Links may not run code, and the author's raw HTML — which passes through as written in
/// blocks, headings and table cells alike — may not contain what only an injection needs.
@Suite("Links and raw HTML that would run code")
struct AuthorContentSafetyTests {
    private func errors(_ text: String) -> [String] {
        parse(text).1.filter { $0.severity == .error }.map(\.description)
    }

    @Test func javascriptLinkIsAnErrorAtItsLine() {
        let diagnostics = parse("Intro.\n\nSee [this](javascript:alert(1)) now.\n").1
        #expect(
            diagnostics.map(\.description) == [
                "Chapters/test.md:3:12: error: link to a 'javascript:' URL is not allowed"
            ])
        #expect(diagnostics.first?.hint == URLSafety.validDestinations)
        #expect(diagnostics.map(\.id) == [.refusedURL])
        // The range covers the destination as written, up to the space after it.
        #expect(diagnostics.first?.end == SourceLocation(file: "Chapters/test.md", line: 3, column: 32))
    }

    @Test(arguments: [
        "[x](JaVaScRiPt:alert(1))", "[x](java&#x73;cript:alert(1))", "[x](&#14;javascript:alert(1))",
        "[x](<  javascript:alert(1)>)", "[x](<java\tscript:alert(1)>)", "[x](java&#9;script:alert(1))",
        "[x](javascript&colon;alert(1))", "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>",
    ])
    func disguisedJavascriptIsStillAnError(link: String) {
        let found = errors("Text \(link) here.\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("Chapters/test.md:1:") == true)
        #expect(found.first?.hasSuffix("error: link to a 'javascript:' URL is not allowed") == true)
    }

    @Test func referenceStyleLinkIsCheckedWhereItIsUsed() {
        #expect(
            errors("Para.\n\nSee [the box][r].\n\n[r]: VBScript:MsgBox\n") == [
                "Chapters/test.md:3:1: error: link to a 'vbscript:' URL is not allowed"
            ])
    }

    @Test func dataURLsOnlyAsImages() {
        #expect(errors("![plot](data:image/png;base64,iVBORw0KGgo=)\n").isEmpty)
        #expect(
            errors("[page](data:text/html,hello)\n") == [
                "Chapters/test.md:1:8: error: link to a 'data:' URL is not allowed"
            ])
        #expect(errors("[png](data:image/png;base64,AAAA)\n").count == 1)
        #expect(
            errors("![x](data:text/html;base64,AAAA)\n") == [
                "Chapters/test.md:1:6: error: image source to a 'data:' URL is not allowed"
            ])
    }

    @Test func ordinaryDestinationsPass() {
        let text = """
            [a](https://example.org) [b](http://x.y/javascript:z) [c](mailto:a@b.c) [d](#part)
            [e](notes/java-script.md) [f](docs/javascript:intro) <https://example.org> www.example.com
            ![g](figure.png)
            """
        #expect(errors(text).isEmpty)
    }

    @Test func scriptInAHeadingIsAnError() {
        #expect(
            errors("# Title <script>alert(1)</script>\n") == [
                "Chapters/test.md:1:9: error: raw HTML: <script> is not allowed"
            ])
    }

    @Test func eventAttributeInATableCellIsAnError() {
        #expect(
            errors("| a | b |\n|---|---|\n| x | <img src=x onerror=alert(1)> |\n") == [
                "Chapters/test.md:3:18: error: raw HTML: event attribute 'onerror' is not allowed"
            ])
    }

    @Test func refusedElementsAndURLsInHTMLBlocks() {
        let text = """
            Intro.

            <div class="box">
            <iframe src="https://example.org"></iframe>
            <a href="java&#115;cript:alert(1)">x</a> <a HREF=javascript&colon;x>y</a>
            <svg><a xlink:href="data:text/html,x">z</a></svg>
            </div>
            """
        #expect(
            errors(text) == [
                "Chapters/test.md:4:1: error: raw HTML: <iframe> is not allowed",
                "Chapters/test.md:5:4: error: raw HTML: 'href' with a 'javascript:' URL is not allowed",
                "Chapters/test.md:5:4: error: raw HTML: 'href' with a 'javascript:' URL is not allowed",
                "Chapters/test.md:6:9: error: raw HTML: 'xlink:href' with a 'data:' URL is not allowed",
            ])
    }

    @Test func tagLeftOpenAcrossABlankLineIsAnError() {
        // The browser would read the next paragraph's output as this tag's attributes.
        #expect(
            errors("<div title=\"\n\nx\" onmouseover=\"alert(1)\n") == [
                "Chapters/test.md:1:1: error: raw HTML: tag '<div' is not closed"
            ])
    }

    @Test func ordinaryAuthorHTMLPassesThroughExactly() {
        let block =
            "<div class=\"callout\" data-on=\"x\">\n<b>Note</b> <img src=\"data:image/png;base64,AA\" alt=\"\">\n"
            + "<!-- <script> in a comment --> <a href=\"https://example.org\" title='on: yes'>x</a>\n</div>"
        let text = "# Heading <kbd>Ctrl</kbd>\n\n| a |\n|---|\n| <em>x</em> |\n\n\(block)\n"
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let output = render(document)
        #expect(output.contains(block))
        #expect(output.contains("<kbd>Ctrl</kbd>"))
        #expect(output.contains("<td><em>x</em></td>"))
    }

    @Test func scannerReadsQuotedAndUnquotedAttributes() {
        let findings = AuthorHTMLScanner.findings(in: "<p title=\"a > b\" onclick='x' class=c ONLOAD = y>")
        #expect(
            findings.map(\.message) == [
                "event attribute 'onclick' is not allowed", "event attribute 'onload' is not allowed",
            ])
    }
}
