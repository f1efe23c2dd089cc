import ChapterMarkdown
import Foundation

/// The full-text search index of a workbook, written at build time as `search-index.js`: a
/// script that assigns one array to `window.labbookSearchIndex`. A script, not JSON, because a
/// page opened from `file://` may load a script but may not `fetch()` a file beside it. One
/// entry per section (each level-2 and level-3 heading of the chapter, and the text before the
/// first of them), so a result can link to the section it was found in. Built from the pages
/// of one edition, so a student index holds no answers. Deterministic: same pages, same bytes.
///
/// Built from the document model (``Page``, see SearchIndexPage.swift): the sections are the
/// headings the parser found (their ids and text, as in the table of contents), not tags found
/// again in the page just written; each page's entries are computed once and, under
/// `labbook serve`, reused from ``PageMemory`` while the page's inputs are unchanged.
struct SearchIndex {
    /// One section: where it is (`href` with `#id`), the page label, the heading and its text.
    struct Entry: Encodable, Equatable {
        var href: String
        var page: String
        var section: String
        var text: String
    }

    static let fileName = "search-index.js"

    let pages: [Page]
    /// Entries of pages indexed by earlier builds of this process, reused when unchanged.
    var memory: PageMemory? = nil

    var entries: [Entry] {
        pages.flatMap(\.entries)
    }

    /// The entries as one JSON array: each page's part encoded once (and remembered), then
    /// joined — the same bytes as encoding the whole array, since the encoding has no spaces.
    var javaScript: String {
        let parts = pages.map { page in
            if let known = memory?.searchJSON(for: page) { return known }
            let json = page.entriesJSON
            memory?.rememberSearchJSON(json, for: page)
            return json
        }.filter { !$0.isEmpty }
        return "// Labbook search index, written at build time; read by assets/labbook.js.\n"
            + "window.labbookSearchIndex = [\(parts.joined(separator: ","))];\n"
    }

    /// The text a reader sees: maths in its text form ("x₁", not `\(x_1\)`, which only KaTeX
    /// turns into a formula), scripts and templates (the epoch slider's frames) dropped, then
    /// each tag (`<` to the next `>`) a space, `&lt; &gt; &quot; &#39; &nbsp; &amp;` their
    /// characters, white space collapsed. Everything but the maths goes in one pass over the
    /// bytes: every rebuild of `labbook serve` indexes every page, and regular expressions and
    /// repeated replacing made this a quarter of it; the maths' regular expression runs only on
    /// pages that have maths.
    static func plainText(_ html: Substring) -> String {
        var source = String(html)
        if source.contains("class=\"math ") {
            let math = #/<(span|div) class="math (inline|display)">(.*?)</\1>/#.dotMatchesNewlines()
            source = source.replacing(math) { match in
                let space = match.output.2 == "display" ? " " : ""
                return space + HTML.escapeText(MathText.plain(PlainText.unescaped(String(match.output.3)))) + space
            }
        }
        let entities: [(name: [UInt8], character: UInt8)] = [
            (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
            (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
            (Array("&nbsp;".utf8), UInt8(ascii: " ")), (Array("&amp;".utf8), UInt8(ascii: "&")),
        ]
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        outer: while i < bytes.count {
            let byte = bytes[i]
            // A script or template (the epoch slider's frames), up to its end tag, is not text
            // the page shows.
            if byte == UInt8(ascii: "<"), let end = Self.endOfHiddenElement(bytes, at: i) {
                out.append(UInt8(ascii: " "))
                i = end
                continue
            }
            if byte == UInt8(ascii: "<"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                // Inline tags join their words ("0.10</span>." reads "0.10."); block tags
                // separate them.
                if !Self.isInlineTag(bytes[(i + 1)..<close]) { out.append(UInt8(ascii: " ")) }
                i = close + 1
                continue
            }
            if byte == UInt8(ascii: "&") {
                for entity in entities
                where bytes.count - i >= entity.name.count && bytes[i..<(i + entity.name.count)].elementsEqual(entity.name) {
                    out.append(entity.character)
                    i += entity.name.count
                    continue outer
                }
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Elements whose content is no text of the page.
    static let hiddenElements: [[UInt8]] = [Array("template".utf8), Array("script".utf8)]

    /// For a `<script` or `<template` start tag at `start`, the index just after its end tag
    /// (`</script>`); nil for any other tag, or one that is never closed.
    static func endOfHiddenElement(_ bytes: [UInt8], at start: Int) -> Int? {
        for name in hiddenElements {
            let nameEnd = start + 1 + name.count
            guard nameEnd <= bytes.count, bytes[(start + 1)..<nameEnd].elementsEqual(name) else { continue }
            if nameEnd < bytes.count && isNameByte(bytes[nameEnd]) { return nil }
            let closing = Array("</".utf8) + name + [UInt8(ascii: ">")]
            guard let found = bytes[nameEnd...].firstRange(of: closing) else { return nil }
            return found.upperBound
        }
        return nil
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    /// Tags that sit inside a line of text rather than between blocks.
    static let inlineTags: Set<String> = ["span", "a", "strong", "em", "b", "i", "code", "small", "sub", "sup", "mark", "abbr"]

    /// Whether the bytes between `<` and `>` are an inline tag, opening or closing.
    static func isInlineTag(_ tag: ArraySlice<UInt8>) -> Bool {
        let afterSlash = tag.first == UInt8(ascii: "/") ? tag.dropFirst() : tag
        // Labbook writes tag names in lower case; a name ends where letters and digits do.
        let name = afterSlash.prefix(while: isNameByte)
        return inlineTags.contains(String(decoding: name, as: UTF8.self))
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
