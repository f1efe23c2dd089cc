import Foundation
import Testing
@testable import Workbook

/// The search index's plain text, made in one pass over the bytes, is exactly what the plain
/// definition gives: tags to spaces, six entities decoded, white space collapsed.
@Suite("Search index text")
struct SearchTextTests {
    /// The definition, written the obvious way.
    static func reference(_ html: Substring) -> String {
        var text = String(html).replacing(#/<[^>]*>/#, with: " ")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: [
        "<p>The <b>loss</b> &amp; its <em>gradient</em>:\n a&lt;b &gt; c &quot;q&quot; it&#39;s&nbsp;here</p>",
        "a < b without a closing bracket", "<unclosed", "&amp;lt; stays &lt; once", "&&amp;;", "&", "",
        "tags<br>glued<span class=\"x\">together</span>and\u{00A0}non-breaking\u{2003}spaces",
        "<h2 id=\"a\">Über <code>ß</code> 😀</h2>\n\n\t<p>x</p>", "&am<b>p; &#39 &nbsp &quot",
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
