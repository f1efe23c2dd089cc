import Testing

@testable import ChapterMarkdown

@Suite("Math survives Markdown")
struct MathTests {
    @Test func dollarInlineBecomesBackslashParen() {
        let output = html("The loss $L = \\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2$ shrinks.")
        #expect(
            output.contains(
                "<span class=\"math inline\">\\(L = \\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2\\)</span>"))
    }

    @Test func backslashParenInline() {
        let output = html("Weights \\(w_{ij}\\) and \\(b_j\\).")
        #expect(output.contains("<span class=\"math inline\">\\(w_{ij}\\)</span>"))
        #expect(output.contains("<span class=\"math inline\">\\(b_j\\)</span>"))
    }

    @Test func underscoresAndStarsAreNotEmphasis() {
        let output = html("Compute $a_1 * b_2 * c_3$ and \\(x_1 * y_2\\) now.")
        #expect(output.contains("\\(a_1 * b_2 * c_3\\)"))
        #expect(output.contains("\\(x_1 * y_2\\)"))
        #expect(!output.contains("<em>"))
    }

    @Test func multiLineBackslashBracketDisplay() {
        let (document, diagnostics) = parse(
            """
            Before.

            \\[
            \\sigma(x) = \\frac{1}{1 + e^{-x}}, \\quad a_1 * b_2
            \\]

            After.
            """)
        #expect(diagnostics.isEmpty)
        let output = render(document)
        #expect(
            output.contains(
                "<div class=\"math display\">\\[\n\\sigma(x) = \\frac{1}{1 + e^{-x}}, \\quad a_1 * b_2\n\\]</div>"))
        #expect(!output.contains("<p><div"))
        #expect(document.math.count == 1)
        #expect(document.math[0].style == .display)
        #expect(document.math[0].location.line == 3)
    }

    @Test func doubleDollarDisplayInsideParagraph() {
        let output = html(
            """
            The update is
            $$
            w \\leftarrow w - \\eta \\nabla_w L
            $$
            for each batch.
            """)
        #expect(
            output.contains(
                "<span class=\"math display\">\\[\nw \\leftarrow w - \\eta \\nabla_w L\n\\]</span>"))
        #expect(output.contains("<p>The update is\n<span"))
        #expect(output.contains("</span>\nfor each batch.</p>"))
    }

    @Test func displayMathInsideListItem() {
        let output = html(
            """
            1. First:

               $$
               \\tanh(x) = 2\\sigma(2x) - 1
               $$

            2. Second \\(y_2\\).
            """)
        #expect(output.contains("<li>"))
        #expect(output.contains("\\[\n\\tanh(x) = 2\\sigma(2x) - 1\n\\]"))
        #expect(output.contains("\\(y_2\\)"))
    }

    @Test func mathInBlockQuoteDropsQuoteMarkers() {
        let output = html("> $$\n> a_1 + a_2\n> $$\n")
        #expect(output.contains("<blockquote>"))
        #expect(output.contains("\\[\na_1 + a_2\n\\]"))
    }

    @Test func currencyIsNotMath() {
        let output = html("It costs $5 and $6, or $7.50 in total.")
        #expect(output.contains("It costs $5 and $6, or $7.50 in total."))
        #expect(!output.contains("math"))
    }

    @Test func currencyBeforeRealMath() {
        let output = html("Pay $5, then compute $x$.")
        #expect(output.contains("Pay $5, then compute <span class=\"math inline\">\\(x\\)</span>."))
    }

    @Test func escapedDollarIsNotMath() {
        let output = html("Literal \\$x\\$ here.")
        #expect(!output.contains("math"))
        #expect(output.contains("$x$"))
    }

    @Test func mathInsideCodeSpanStaysCode() {
        let output = html("Write `$x_1$` or ``\\(a*b*c\\)`` in code.")
        #expect(output.contains("<code>$x_1$</code>"))
        #expect(output.contains("<code>\\(a*b*c\\)</code>"))
        #expect(!output.contains("math"))
    }

    @Test func mathIsHTMLEscaped() {
        let output = html("If $a < b & c > d$ then.")
        #expect(output.contains("\\(a &lt; b &amp; c &gt; d\\)"))
    }

    @Test func mathInHeadingAndTable() {
        let output = html(
            """
            ## The $\\tanh$ unit

            | f | formula |
            |---|---------|
            | relu | $\\max(0, x)$ |
            """)
        #expect(output.contains("<h2 id=\"the-tanh-unit\">The <span class=\"math inline\">\\(\\tanh\\)</span> unit</h2>"))
        #expect(output.contains("<td><span class=\"math inline\">\\(\\max(0, x)\\)</span></td>"))
    }

    @Test func lineNumbersAfterMultiLineMathStayTrue() {
        let (document, _) = parse(
            """
            $$
            a
            $$

            ```{experiment} after
            epochs: 1
            ```
            """)
        #expect(document.directives.first?.location.line == 5)
    }

    @Test func mathInImageAltIsAttributeText() {
        let output = html("![plot of $x_1$](a.png)")
        #expect(output.contains("alt=\"plot of \\(x_1\\)\""))
    }

    @Test func mathInRawHTMLBlockIsLeftAlone() {
        let output = html("<div>\n$x_1$\n</div>\n")
        #expect(output == "<div>\n$x_1$\n</div>\n")
    }

    @Test func authorTextThatLooksLikeATokenSurvives() {
        let output = html("Literal LBKXM0Z and LBKXR0Z with $y$ and {value}`v`.")
        #expect(output.contains("Literal LBKXM0Z and LBKXR0Z with <span class=\"math inline\">\\(y\\)</span>"))
        #expect(output.contains("<span class=\"role\">value:v</span>"))
    }

    /// Code and HTML blocks are those of the text as written, whether the parser needed one
    /// parse or two to find them: a fence or tag inside what would otherwise be a formula
    /// still wins, and math in deep indentation after a list stays code.
    @Test(arguments: [
        "\\[\n```\nx \\]\n```\n",
        "$a\n<div>\nb$\n</div>\n",
        "\\[ a\n# h\n    code $x$ \\]\n",
        "\\[\n- a \\]\n\n    $x$ and $y$\n",
        "Text $x$\n\n```\n$y$\n```\n\n<p>$z$</p>\n\n    $w$\n",
        "> $$\n> a < b\n> $$\n",
        "- $x\n  ~~~\n  y$\n  ~~~\n",
    ])
    func blocksAreFoundTheSameWithOneParseOrTwo(_ text: String) {
        let one = ChapterSource.parse(text: text, path: "t.md")
        let two = ChapterSource.parse(text: text, path: "t.md", alwaysTwoPasses: true)
        #expect(one.document == two.document)
        #expect(one.diagnostics == two.diagnostics)
    }

    @Test func aFenceInsideADisplayFormulaStaysAFence() {
        let output = html("\\[\n```\nx \\]\n```\n")
        #expect(output.contains("<pre><code>x \\]\n</code></pre>"))
        #expect(!output.contains("math display"))
    }

    @Test func oneLineFormulasNeedOneParse() {
        let text =
            String(repeating: "A formula $a_1 * b_2$ in prose and \\(x\\).\n\n", count: 3)
            + "```\n$code$\n```\n"
        let output = html(text)
        #expect(output.contains("<pre><code>$code$\n</code></pre>"))
        #expect(output.contains("\\(a_1 * b_2\\)"))
    }
}
