import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// The search index's plain text, made in one pass over the bytes, is exactly what the plain
/// definition gives: maths as text, scripts and templates dropped, inline tags joining their
/// words and other tags spaces, six entities decoded, white space collapsed.
@Suite("Search index text")
struct SearchTextTests {
    /// The definition, written the obvious way (regular expressions, one after another).
    static func reference(_ html: Substring) -> String {
        let math = #/<(span|div) class="math (inline|display)">(.*?)</\1>/#.dotMatchesNewlines()
        var text = String(html).replacing(math) { match in
            let space = match.output.2 == "display" ? " " : ""
            return space + HTML.escapeText(MathText.plain(PlainText.unescaped(String(match.output.3)))) + space
        }
        text = text.replacing(#/<(template|script)\b.*?</\1>/#.dotMatchesNewlines(), with: " ")
        // Between tags, the six entities decoded (an entity that a tag cuts is text, as in HTML);
        // inline tags join their words, other tags are spaces.
        func decoded(_ piece: Substring) -> String {
            var piece = String(piece)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
                piece = piece.replacingOccurrences(of: entity, with: character)
            }
            return piece
        }
        let inline = #/<\/?(?:span|a|strong|em|b|i|code|small|sub|sup|mark|abbr)\b[^>]*>/#
        var joined = ""
        var rest = text[...]
        while let tag = rest.firstMatch(of: #/<[^>]*>/#) {
            joined += decoded(rest[..<tag.range.lowerBound])
            joined += (try? inline.wholeMatch(in: tag.output)) != nil ? "" : " "
            rest = rest[tag.range.upperBound...]
        }
        text = joined + decoded(rest)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: [
        "<p>The <b>loss</b> &amp; its <em>gradient</em>:\n a&lt;b &gt; c &quot;q&quot; it&#39;s&nbsp;here</p>",
        "a < b without a closing bracket", "<unclosed", "&amp;lt; stays &lt; once", "&&amp;;", "&", "",
        "tags<br>glued<span class=\"x\">together</span>and\u{00A0}non-breaking\u{2003}spaces",
        "<h2 id=\"a\">Über <code>ß</code> 😀</h2>\n\n\t<p>x</p>", "&am<b>p; &#39 &nbsp &quot",
        "<p>maths <span class=\"math inline\">\\(x_1\\)</span> and <script>var a = 1;</script>text</p>",
        "<template id=\"t\"><p>frame</p></template><abbr title=\"x\">ab</abbr><b\u{00A0}>c",
        "<scripts>kept</scripts> <script>never closed", "<script>a</script>b<template>c</template >d",
    ])
    func matchesTheDefinition(_ html: String) {
        #expect(SearchIndex.plainText(html[...]) == Self.reference(html[...]))
    }

    @Test func matchesTheDefinitionOnABuiltPage() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-gauss.html")
        #expect(SearchIndex.plainText(page[...]) == Self.reference(page[...]))
    }
}
