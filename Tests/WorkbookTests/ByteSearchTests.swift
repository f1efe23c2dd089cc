import Testing

@testable import Workbook

/// The byte search behind `PageShell.hasMaths`: the same answers as a `String` search, on bytes.
@Suite("Searching a page's bytes")
struct ByteSearchTests {
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

    @Test func aNeedleIsFoundAfterFalseStartsAndNotPastTheEnd() {
        #expect("aab aabaab".utf8.containsBytes(of: "aabaab"))
        #expect(!"aabaa".utf8.containsBytes(of: "aabaab"))
        #expect("ab".utf8.containsBytes(of: ""))
        #expect(!"".utf8.containsBytes(of: "a"))
    }
}
