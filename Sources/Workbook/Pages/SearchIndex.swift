import ChapterMarkdown
import Foundation

/// The full-text search index of a workbook, written at build time as `search-index.js`: a
/// script that assigns one array to `window.labbookSearchIndex`. A script, not JSON, because a
/// page opened from `file://` may load a script but may not `fetch()` a file beside it. One
/// entry per section (each `h2`/`h3` with an id, and the text before the first of them), so a
/// result can link to the section it was found in. Built from the pages of one edition, so a
/// student index holds no answers. Deterministic: same pages, same bytes.
struct SearchIndex {
    /// One page to index: its file name, the label shown in results ("Chapter 12 · Title")
    /// and its body HTML (as on the page, values already filled in).
    struct Page {
        var href: String
        var label: String
        var bodyHTML: String
    }

    /// One section: where it is (`href` with `#id`), the page label, the heading and its text.
    struct Entry: Encodable, Equatable {
        var href: String
        var page: String
        var section: String
        var text: String
    }

    static let fileName = "search-index.js"

    let pages: [Page]

    var entries: [Entry] {
        pages.flatMap { page in
            Self.sections(of: page.bodyHTML).map { section in
                Entry(
                    href: page.href + (section.id.map { "#" + $0 } ?? ""), page: page.label,
                    section: section.heading, text: section.text)
            }.filter { !$0.text.isEmpty || !$0.section.isEmpty }
        }
    }

    var javaScript: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return "// Labbook search index, written at build time; read by assets/labbook.js.\n"
            + "window.labbookSearchIndex = \(json);\n"
    }

    /// Splits body HTML at each `<h2 id>`/`<h3 id>`: the heading's id and text, and the plain
    /// text up to the next such heading.
    static func sections(of html: String) -> [(id: String?, heading: String, text: String)] {
        let heading = #/<h([23]) id="([^"]*)"[^>]*>(.*?)</h\1>/#.dotMatchesNewlines()
        var result: [(id: String?, heading: String, text: String)] = []
        var current: (id: String?, heading: String) = (nil, "")
        var position = html.startIndex
        for match in html.matches(of: heading) {
            result.append((current.id, current.heading, plainText(html[position..<match.range.lowerBound])))
            current = (String(match.output.2), plainText(match.output.3))
            position = match.range.upperBound
        }
        result.append((current.id, current.heading, plainText(html[position...])))
        return result
    }

    /// The text a reader sees: maths in its text form ("x₁", not `\(x_1\)`, which only KaTeX
    /// turns into a formula), no tags, the common entities decoded, white space collapsed.
    static func plainText(_ html: Substring) -> String {
        let math = #/<(span|div) class="math (inline|display)">(.*?)</\1>/#.dotMatchesNewlines()
        var text = String(html).replacing(math) { match in
            let space = match.output.2 == "display" ? " " : ""
            return space + HTML.escapeText(MathText.plain(PlainText.unescaped(String(match.output.3)))) + space
        }
        // Scripts and templates (the epoch slider's frames) are not text the page shows.
        text = text.replacing(#/<(template|script)\b.*?</\1>/#.dotMatchesNewlines(), with: " ")
        // Inline tags join their words ("0.10</span>." reads "0.10."); block tags separate them.
        text = text.replacing(#/</?(?:span|a|strong|em|b|i|code|small|sub|sup|mark|abbr)\b[^>]*>/#, with: "")
        text = text.replacing(#/<[^>]*>/#, with: " ")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The search box in every page's header. Hidden until labbook.js has run (`.lb-js` on the
/// root element), since without the script it could do nothing. The index script is loaded on
/// first use, from `data-index`.
enum SearchBox {
    static func html(indexHref: String) -> String {
        """
        <div class="lb-search" role="search" data-index="\(HTML.escape(indexHref))">
        <label for="lb-search-input" class="lb-visually-hidden">Search the workbook</label>
        <input id="lb-search-input" type="search" placeholder="Search the workbook" aria-keyshortcuts="/" autocomplete="off" spellcheck="false" aria-describedby="lb-search-status">
        <div class="lb-search-results" id="lb-search-results">
        <p class="lb-visually-hidden" id="lb-search-status" aria-live="polite"></p>
        <ol></ol>
        </div>
        </div>

        """
    }
}
