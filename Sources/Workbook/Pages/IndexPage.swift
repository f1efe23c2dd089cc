import ChapterMarkdown

/// The workbook's front page, `index.html`: the title, an optional description and every
/// chapter with its sections. Deterministic like `ChapterPage`.
public struct IndexPage: Sendable, Hashable {
    public var bookTitle: String
    /// Already HTML (e.g. a rendered paragraph); inserted as is. nil for none.
    public var subtitleHTML: String?
    /// One entry per chapter (number "Chapter 1", href "chapter-1.html"), sections nested.
    public var chapters: [TableOfContentsEntry]
    public var assetPrefix: String
    public var editionLabel: String?
    /// The search index script (`search-index.js`); nil leaves the search box out.
    public var searchIndexHref: String?
    /// The book's language (`labbook.yml`'s `language`), the page's `lang`.
    public var language: String

    public init(
        bookTitle: String, subtitleHTML: String? = nil, chapters: [TableOfContentsEntry],
        assetPrefix: String = "", editionLabel: String? = nil, searchIndexHref: String? = nil, language: String = "en"
    ) {
        self.language = language
        self.searchIndexHref = searchIndexHref
        self.bookTitle = bookTitle
        self.subtitleHTML = subtitleHTML
        self.chapters = chapters
        self.assetPrefix = assetPrefix
        self.editionLabel = editionLabel
    }

    public func render() -> String {
        let title = editionLabel.map { "\(bookTitle) — \($0)" } ?? bookTitle
        let indexHref = assetPrefix + "index.html"
        var html = PageShell.head(
            title: title, language: language, assetPrefix: assetPrefix, bodyClass: "lb-index-page",
            maths: PageShell.hasMaths(subtitleHTML ?? ""))
        html += PageShell.header(
            bookTitle: bookTitle, indexHref: indexHref, editionLabel: editionLabel, searchIndexHref: searchIndexHref)
        html += "<div class=\"lb-layout\">\n<main id=\"lb-main\" tabindex=\"-1\">\n"
        html += "<header class=\"lb-chapter-title\">\n<h1>\(HTML.escape(bookTitle))</h1>\n</header>\n"
        if let subtitleHTML {
            html += "<div class=\"lb-subtitle\">\n\(subtitleHTML)\n</div>\n"
        }
        // `lb-contents`, not `lb-toc`: this list is the page's content, so it prints.
        html += "<nav class=\"lb-contents\" aria-label=\"Chapters\">\n"
        html += "<h2>Contents</h2>\n"
        html += PageShell.list(chapters)
        html += "</nav>\n</main>\n</div>\n"
        html += PageShell.end
        return html
    }
}
