import ChapterMarkdown

/// The parts every page shares: the document head with the offline assets, and the header.
/// Kept in one place so chapter and index pages cannot drift apart in what they load.
enum PageShell {
    /// `<!doctype html>` through `<body>`. `title` is author text; `language` the book's
    /// (`labbook.yml`'s `language`, for screen readers and hyphenation), set here rather than
    /// patched into a written page; `assetPrefix` ("" or "../") leads to the folder that holds
    /// `assets/`; `extraHead` (HTML) ends the head, as the handout's print style does. Scripts
    /// are `defer`red so they run in order after parsing: KaTeX, then auto-render, then
    /// labbook.js, which calls auto-render. `maths` false leaves KaTeX out (its script,
    /// stylesheet and fonts are about 300 KB): a page without maths loads only Labbook's own.
    static func head(
        title: String, language: String, assetPrefix: String, bodyClass: String, extraHead: String = "", maths: Bool = true
    ) -> String {
        let prefix = HTML.escape(assetPrefix)
        var html = "<!doctype html>\n"
        html += "<html lang=\"\(HTML.escape(language))\">\n<head>\n"
        html += "<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(HTML.escape(title))</title>\n"
        // No icon, said so: otherwise every browser asks the server for /favicon.ico, which a
        // workbook has not got, and logs the 404 on every page.
        html += "<link rel=\"icon\" href=\"data:,\">\n"
        let katex = { (path: String) in path.hasPrefix("assets/katex/") }
        for stylesheet in SiteAssets.stylesheetPaths where maths || !katex(stylesheet) {
            html += "<link rel=\"stylesheet\" href=\"\(prefix)\(stylesheet)\">\n"
        }
        for script in SiteAssets.scriptPaths where maths || !katex(script) {
            html += "<script defer src=\"\(prefix)\(script)\"></script>\n"
        }
        html += extraHead
        html += "</head>\n<body class=\"\(bodyClass)\">\n"
        return html
    }

    /// The bar at the top: a skip link (the first tab stop, shown when focused), the book
    /// title (a link home), the edition label when there is one, the search box, and the
    /// chapter menu for narrow screens (`chapterMenu`, a `<details>` that needs no script; on
    /// wide screens the sidebar shows the same list and the menu is hidden). The title and
    /// label stay in print as a running title; the rest is navigation and is hidden there.
    static func header(
        bookTitle: String, indexHref: String, editionLabel: String?, chapterMenu: String? = nil, searchIndexHref: String? = nil
    ) -> String {
        var html = "<a class=\"lb-skip-link\" href=\"#lb-main\">Skip to the content</a>\n"
        html += "<header class=\"lb-header\">\n<div class=\"lb-header-inner\">\n"
        html += "<a class=\"lb-book-title\" href=\"\(HTML.escape(indexHref))\">\(HTML.escape(bookTitle))</a>\n"
        if let editionLabel {
            html += "<span class=\"lb-edition\">\(HTML.escape(editionLabel))</span>\n"
        }
        html += "<nav class=\"lb-header-nav\" aria-label=\"Book\">"
        html += "<a href=\"\(HTML.escape(indexHref))\">Contents</a></nav>\n"
        if let searchIndexHref { html += SearchBox.html(indexHref: searchIndexHref) }
        if let chapterMenu {
            html += "<details class=\"lb-menu\"><summary>Chapters</summary>\n"
            html += "<nav class=\"lb-menu-list\" aria-label=\"Chapters\">\n\(chapterMenu)</nav>\n</details>\n"
        }
        html += "</div>\n</header>\n"
        return html
    }

    static let end = "</body>\n</html>\n"

    /// Whether rendered HTML holds maths for KaTeX (`MathSpan` marks every formula with the
    /// class `math`).
    ///
    /// Searched in the UTF-8 bytes: Foundation's `contains` bridges the page to UTF-16 first,
    /// and the standard library's `firstRange(of:)` on a `String` compares `Character`s; either
    /// took milliseconds for the 1.1 MB handout at every build of the preview.
    static func hasMaths(_ html: String) -> Bool {
        html.utf8.withContiguousBytes { bytes in
            bytes.firstRange(of: Array("<span class=\"math ".utf8), from: 0) != nil
                || bytes.firstRange(of: Array("<div class=\"math ".utf8), from: 0) != nil
        }
    }

    /// A nested `<ol>` for a table of contents; `depth` only feeds the class name so the
    /// stylesheet can tell chapter lines from section lines.
    /// `current` marks the entry whose `href` it equals with `aria-current="page"` (the chapter
    /// a reader is on, in the chapter list).
    static func list(_ entries: [TableOfContentsEntry], depth: Int = 0, current: String? = nil) -> String {
        guard !entries.isEmpty else { return "" }
        var html = "<ol class=\"lb-toc-level-\(depth)\">\n"
        for entry in entries {
            let here = entry.href == current ? " aria-current=\"page\"" : ""
            html += "<li><a href=\"\(HTML.escape(entry.href))\"\(here)>"
            if let number = entry.number {
                html += "<span class=\"lb-toc-number\">\(HTML.escape(number))</span> "
            }
            html += "<span class=\"lb-toc-title\">\(HTML.escape(entry.title))</span></a>"
            if !entry.sections.isEmpty {
                html += "\n" + list(entry.sections, depth: depth + 1, current: current)
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        return html
    }
}
