import ChapterMarkdown

/// The parts every page shares: the document head with the offline assets, and the header.
/// Kept in one place so chapter and index pages cannot drift apart in what they load.
enum PageShell {
    /// `<!doctype html>` through `<body>`. `title` is author text; `assetPrefix` ("" or "../")
    /// leads to the folder that holds `assets/`. Scripts are `defer`red so they run in order
    /// after parsing: KaTeX, then auto-render, then labbook.js, which calls auto-render.
    static func head(title: String, assetPrefix: String, bodyClass: String) -> String {
        let prefix = HTML.escape(assetPrefix)
        var html = "<!doctype html>\n"
        html += "<html lang=\"en\">\n<head>\n"
        html += "<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(HTML.escape(title))</title>\n"
        for stylesheet in SiteAssets.stylesheetPaths {
            html += "<link rel=\"stylesheet\" href=\"\(prefix)\(stylesheet)\">\n"
        }
        for script in SiteAssets.scriptPaths {
            html += "<script defer src=\"\(prefix)\(script)\"></script>\n"
        }
        html += "</head>\n<body class=\"\(bodyClass)\">\n"
        return html
    }

    /// The bar at the top: the book title (a link home), the edition label when there is one,
    /// and a "Contents" link. The title and label stay in print as a running title; the
    /// `.lb-header-nav` part is navigation and is hidden there.
    static func header(bookTitle: String, indexHref: String, editionLabel: String?) -> String {
        var html = "<header class=\"lb-header\">\n<div class=\"lb-header-inner\">\n"
        html += "<a class=\"lb-book-title\" href=\"\(HTML.escape(indexHref))\">\(HTML.escape(bookTitle))</a>\n"
        if let editionLabel {
            html += "<span class=\"lb-edition\">\(HTML.escape(editionLabel))</span>\n"
        }
        html += "<nav class=\"lb-header-nav\" aria-label=\"Book\">"
        html += "<a href=\"\(HTML.escape(indexHref))\">Contents</a></nav>\n"
        html += "</div>\n</header>\n"
        return html
    }

    static let end = "</body>\n</html>\n"

    /// A nested `<ol>` for a table of contents; `depth` only feeds the class name so the
    /// stylesheet can tell chapter lines from section lines.
    static func list(_ entries: [TableOfContentsEntry], depth: Int = 0) -> String {
        guard !entries.isEmpty else { return "" }
        var html = "<ol class=\"lb-toc-level-\(depth)\">\n"
        for entry in entries {
            html += "<li><a href=\"\(HTML.escape(entry.href))\">"
            if let number = entry.number {
                html += "<span class=\"lb-toc-number\">\(HTML.escape(number))</span> "
            }
            html += "<span class=\"lb-toc-title\">\(HTML.escape(entry.title))</span></a>"
            if !entry.sections.isEmpty {
                html += "\n" + list(entry.sections, depth: depth + 1)
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        return html
    }
}
