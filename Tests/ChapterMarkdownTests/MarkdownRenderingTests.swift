import Testing

@testable import ChapterMarkdown

@Suite("GFM rendering")
struct MarkdownRenderingTests {
    @Test func tablesRenderWithAlignment() {
        let output = html(
            """
            | epoch | loss |
            |:------|-----:|
            | 1     | 0.69 |
            """)
        #expect(output.contains("<table>"))
        #expect(output.contains("<th align=\"left\">epoch</th>"))
        #expect(output.contains("<td align=\"right\">0.69</td>"))
    }

    @Test func strikethroughAndAutolinks() {
        let output = html("~~sigmoid~~ relu, see https://example.org/x and www.example.com")
        #expect(output.contains("<del>sigmoid</del>"))
        #expect(output.contains("<a href=\"https://example.org/x\">https://example.org/x</a>"))
        #expect(output.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    }

    @Test func footnotesRender() {
        let output = html(
            """
            Backpropagation[^bp] is old.

            [^bp]: Rumelhart, Hinton and Williams, 1986.
            """)
        #expect(output.contains("<sup class=\"footnote-ref\">"))
        #expect(output.contains("<section class=\"footnotes\""))
        #expect(output.contains("Rumelhart, Hinton and Williams, 1986."))
    }

    @Test func taskListsRender() {
        let output = html("- [x] train\n- [ ] plot\n")
        #expect(output.contains("checked=\"\" disabled=\"\""))
    }

    @Test func rawHTMLBlockPassesThroughAsWritten() {
        let block = "<div class=\"callout\" data-x='1'>\n<b>Note</b> $x_1$ & more\n</div>"
        let output = html("Intro.\n\n\(block)\n\nOutro.\n")
        #expect(output.contains(block))
    }

    @Test func ordinaryFencedCodeStaysCode() {
        let (document, diagnostics) = parse(
            """
            ```swift
            let x = a_1 * b_2 // $5 and \\(y\\)
            ```
            """)
        #expect(diagnostics.isEmpty)
        #expect(document.directives.isEmpty)
        let output = render(document)
        #expect(output.contains("<pre><code class=\"language-swift\">let x = a_1 * b_2 // $5 and \\(y\\)\n</code></pre>"))
    }

    @Test func renderingIsDeterministic() {
        let text = "# A\n\n$x$ and {value}`a.b`\n\n```{experiment} e\nepochs: 3\n```\n"
        #expect(html(text) == html(text))
    }
}
