import ChapterMarkdown

/// One chapter as a complete HTML5 document. A pure value → string template: the same
/// values always give the same bytes (no dates, no generated ids), so rebuilt workbooks
/// diff cleanly and the build cache can compare pages.
public struct ChapterPage: Sendable, Hashable {
    public var bookTitle: String
    /// Shown above the title, e.g. "Chapter 12"; nil for an unnumbered chapter.
    public var numberLabel: String?
    public var title: String
    /// Already HTML (the Markdown front end's output); inserted as is.
    public var bodyHTML: String
    /// The chapter's own headings for the `lb-toc` sidebar, usually
    /// `TableOfContentsEntry.outline(of: document.headings)`; the sidebar is left out when empty.
    public var contents: [TableOfContentsEntry]
    public var previous: PageLink?
    public var next: PageLink?
    /// Where the header's book title and the footer's "Contents" lead.
    public var indexHref: String
    /// Prepended to `assets/…`: "" for a page beside `assets/`, "../" one folder down.
    public var assetPrefix: String
    /// e.g. "Instructor edition"; shown in the header (and in print) when set.
    public var editionLabel: String?
    /// Every chapter of the book (as the index lists them), for the chapter list: a sidebar on
    /// wide screens, a menu on phones. The entry whose `href` is `pageHref` is marked as the
    /// current page and shows `contents` below it. Empty: only "On this page" is shown.
    public var chapters: [TableOfContentsEntry]
    /// This page's own file name, e.g. "12-gaussian.html".
    public var pageHref: String?
    /// The search index script (`search-index.js`); nil leaves the search box out.
    public var searchIndexHref: String?
    /// The book's language (`labbook.yml`'s `language`), the page's `lang`.
    public var language: String

    public init(
        bookTitle: String, numberLabel: String?, title: String, bodyHTML: String,
        contents: [TableOfContentsEntry] = [], previous: PageLink? = nil, next: PageLink? = nil,
        indexHref: String? = nil, assetPrefix: String = "", editionLabel: String? = nil,
        chapters: [TableOfContentsEntry] = [], pageHref: String? = nil, searchIndexHref: String? = nil,
        language: String = "en"
    ) {
        self.language = language
        self.bookTitle = bookTitle
        self.numberLabel = numberLabel
        self.title = title
        self.bodyHTML = bodyHTML
        self.contents = contents
        self.previous = previous
        self.next = next
        self.indexHref = indexHref ?? assetPrefix + "index.html"
        self.assetPrefix = assetPrefix
        self.editionLabel = editionLabel
        self.chapters = chapters
        self.pageHref = pageHref
        self.searchIndexHref = searchIndexHref
    }

    /// "Chapter 12 · Title — Book": the number first so browser tabs stay tellable apart.
    var documentTitle: String {
        let chapter = numberLabel.map { "\($0) · \(title)" } ?? title
        return "\(chapter) — \(bookTitle)"
    }

    public func render() -> String {
        var html = PageShell.head(
            title: documentTitle, language: language, assetPrefix: assetPrefix, bodyClass: "lb-chapter-page",
            maths: PageShell.hasMaths(bodyHTML))
        let chapterList = chapters.isEmpty ? nil : PageShell.list(chapterListEntries, current: pageHref)
        html += PageShell.header(
            bookTitle: bookTitle, indexHref: indexHref, editionLabel: editionLabel, chapterMenu: chapterList,
            searchIndexHref: searchIndexHref)
        // `lb-with-toc` gives the layout its sidebar column; without contents there is none.
        let sidebar = chapterList != nil || !contents.isEmpty
        html += sidebar ? "<div class=\"lb-layout lb-with-toc\">\n" : "<div class=\"lb-layout\">\n"
        if let chapterList {
            // The same list as the phone menu; CSS shows one of the two, so a screen reader
            // (which skips `display: none`) meets it once.
            html += "<nav class=\"lb-toc lb-chapter-list\" aria-label=\"Chapters\">\n"
            html += "<p class=\"lb-toc-heading\">Chapters</p>\n"
            html += chapterList
            html += "</nav>\n"
        } else if !contents.isEmpty {
            html += "<nav class=\"lb-toc\" aria-label=\"On this page\">\n"
            html += "<p class=\"lb-toc-heading\">On this page</p>\n"
            html += PageShell.list(contents)
            html += "</nav>\n"
        }
        // The skip link's target; tabindex -1 lets it take focus without becoming a tab stop.
        html += "<main id=\"lb-main\" tabindex=\"-1\">\n"
        html += topPager
        html += "<header class=\"lb-chapter-title\">\n"
        if let numberLabel {
            html += "<p class=\"lb-chapter-number\">\(HTML.escape(numberLabel))</p>\n"
        }
        html += "<h1>\(HTML.escape(title))</h1>\n</header>\n"
        html += bodyHTML
        if !bodyHTML.hasSuffix("\n") { html += "\n" }
        html += "</main>\n</div>\n"
        html += footer
        html += PageShell.end
        return html
    }

    /// The chapter list with this page's own outline under its entry (and no other
    /// chapter's sections, which would make the list long).
    var chapterListEntries: [TableOfContentsEntry] {
        chapters.map { entry in
            var entry = entry
            entry.sections = entry.href == pageHref ? contents : []
            return entry
        }
    }

    /// Previous and next at the top as well, one compact line, as readers of Quarto and
    /// Jupyter Book expect: a reader who opens a chapter by mistake need not scroll to its end.
    /// Without `rel` (the footer's links carry it) and with its own landmark name.
    private var topPager: String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"lb-pager-top\" aria-label=\"Previous and next chapter, top\">\n"
        if let previous {
            html += "<a class=\"lb-prev\" href=\"\(HTML.escape(previous.href))\">← \(HTML.escape(previous.title))</a>\n"
        } else {
            html += "<span class=\"lb-prev\"></span>\n"
        }
        if let next {
            html += "<a class=\"lb-next\" href=\"\(HTML.escape(next.href))\">\(HTML.escape(next.title)) →</a>\n"
        }
        html += "</nav>\n"
        return html
    }

    /// Previous · Contents · Next. An absent neighbour leaves an empty slot rather than
    /// nothing, so "Next" stays on the right on the first page.
    private var footer: String {
        var html = "<footer class=\"lb-footer\">\n<nav class=\"lb-pager\" aria-label=\"Previous and next chapter\">\n"
        if let previous {
            html += "<a class=\"lb-prev\" rel=\"prev\" href=\"\(HTML.escape(previous.href))\">"
            html += "<span class=\"lb-pager-label\">← Previous</span> "
            html += "<span class=\"lb-pager-title\">\(HTML.escape(previous.title))</span></a>\n"
        } else {
            html += "<span class=\"lb-prev\"></span>\n"
        }
        html += "<a class=\"lb-up\" href=\"\(HTML.escape(indexHref))\">Contents</a>\n"
        if let next {
            html += "<a class=\"lb-next\" rel=\"next\" href=\"\(HTML.escape(next.href))\">"
            html += "<span class=\"lb-pager-label\">Next →</span> "
            html += "<span class=\"lb-pager-title\">\(HTML.escape(next.title))</span></a>\n"
        } else {
            html += "<span class=\"lb-next\"></span>\n"
        }
        html += "</nav>\n</footer>\n"
        return html
    }
}
