import Testing

@testable import Workbook

/// `PageShell.hasMaths` searches bytes (the chapter parser's byte search): the same answers as a `String` search.
@Suite("Whether a page has maths")
struct HasMathsTests {
    @Test(arguments: [
        ("<div class=\"math display\">x</div>", true),
        ("text · é ✓ <span class=\"math inline\">x</span>", true),
        ("…<span class=\"math ", true),
        ("<span class=\"math", false),
        ("<span class=\"mathematics\">", false),
        ("<span class=\"lb-value\">0.5</span><span class=\"math\">", false),
        ("", false),
    ])
    func findsMathsExactlyWhereAStringSearchDoes(html: String, expected: Bool) {
        #expect(PageShell.hasMaths(html) == expected)
        #expect(PageShell.hasMaths(html) == (html.contains("<span class=\"math ") || html.contains("<div class=\"math ")))
    }
}
