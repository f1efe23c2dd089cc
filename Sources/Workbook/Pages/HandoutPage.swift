import ChapterMarkdown
import Foundation

/// `handout.html`: every chapter on one page, made for printing as a book — a cover, a table of
/// contents, each chapter on a new page, figures as SVG (vector on paper), page numbers in the
/// footer, no navigation. Chromium writes the PDF's bookmarks from the headings; the cover
/// title and the contents heading are not headings, so the bookmarks are chapters and sections.
struct HandoutPage {
    var bookTitle: String
    var bodyHTML: String
    var editionLabel: String?
    var settings: BookSettings
    var contents: [HandoutContentsEntry]

    func render() -> String {
        let title = editionLabel.map { "\(bookTitle) — \($0)" } ?? bookTitle
        // The authors are read back by the printer, which writes them into the PDF's metadata (PDFInfoUpdate).
        let author =
            settings.authors.isEmpty
            ? "" : "<meta name=\"author\" content=\"\(HTML.escape(settings.authors.joined(separator: ", ")))\">\n"
        // The contents' page numbers: a stylesheet beside the page, empty until the printer
        // writes it from a first printing's bookmarks (``HandoutPageNumbers``).
        let pageNumbers = "<link rel=\"stylesheet\" href=\"\(HandoutPageNumbers.fileName)\">\n"
        var html = PageShell.head(
            title: title + " (handout)", language: settings.language, assetPrefix: "", bodyClass: "lb-handout",
            extraHead: author + style + pageNumbers)
        html += "<main class=\"lb-main\">\n"
        html += cover
        html += contentsHTML
        html += bodyHTML
        html += "</main>\n"
        html += PageShell.end
        return html
    }

    var cover: String {
        var html = "<section class=\"lb-handout-cover\">\n"
        html += "<p class=\"lb-handout-title\">\(HTML.escape(bookTitle))</p>\n"
        if let subtitle = settings.subtitle { html += "<p class=\"lb-handout-subtitle\">\(HTML.escape(subtitle))</p>\n" }
        if !settings.authors.isEmpty {
            html += "<p class=\"lb-handout-authors\">\(HTML.escape(settings.authors.joined(separator: ", ")))</p>\n"
        }
        if let course = settings.course { html += "<p class=\"lb-handout-course\">\(HTML.escape(course))</p>\n" }
        if let editionLabel { html += "<p class=\"lb-handout-edition\">\(HTML.escape(editionLabel))</p>\n" }
        html += "</section>\n"
        return html
    }

    /// Chapters and their sections, each with an empty page-number slot of fixed width whose
    /// number ``HandoutPageNumbers``' stylesheet supplies after a first printing (Chromium has
    /// no `target-counter()`); the page itself is never rewritten.
    var contentsHTML: String {
        var html =
            "<nav class=\"lb-handout-contents\" aria-label=\"Contents\">\n<p class=\"lb-handout-contents-title\">Contents</p>\n<ol>\n"
        for (index, entry) in contents.enumerated() {
            html += "<li class=\"lb-handout-toc-\(entry.isChapter ? "chapter" : "section")\"><a href=\"\(HTML.escape(entry.href))\">"
            if let number = entry.number { html += "<span class=\"lb-toc-number\">\(HTML.escape(number))</span> " }
            html += "<span class=\"lb-toc-title\">\(HTML.escape(entry.title))</span>"
            html +=
                "<span class=\"\(HandoutContentsEntry.pageClass)\" data-heading=\"\(HTML.escape(entry.heading))\" id=\"\(HandoutPageNumbers.slotID(index))\"></span></a></li>\n"
        }
        html += "</ol>\n</nav>\n"
        return html
    }

    /// Rules only the handout needs: the page box with its running title and page numbers
    /// (CSS margin boxes, which Chromium prints), the cover and contents, and the breaks.
    var style: String {
        let running = editionLabel.map { "\(bookTitle) · \($0)" } ?? bookTitle
        return """
            <style>
            @page {
              size: A4;
              margin: 18mm 17mm 20mm;
              @top-center { content: \(Self.cssString(running)); font: 8pt "DejaVu Sans", sans-serif; color: #666; }
              @bottom-center { content: counter(page); font: 9pt "DejaVu Sans", sans-serif; color: #333; }
            }
            @page :first { @top-center { content: none; } @bottom-center { content: none; } }
            .lb-handout-chapter { break-before: page; }
            .lb-handout-cover { break-after: page; text-align: center; padding-top: 28vh; }
            .lb-handout-title { font-size: 2.2rem; font-weight: 650; margin-bottom: 1rem; }
            .lb-handout-subtitle { font-size: 1.3rem; color: #444; }
            .lb-handout-authors, .lb-handout-course { font-size: 1.05rem; }
            .lb-handout-edition { margin-top: 2rem; text-transform: uppercase; letter-spacing: .08em; color: #666; }
            .lb-handout-contents-title { font-size: 1.6rem; font-weight: 650; margin: 0 0 0.8rem; }
            /* One page of contents for a course of a dozen chapters. */
            .lb-handout-contents { font-size: 9.5pt; line-height: 1.3; }
            .lb-handout-contents ol { list-style: none; padding: 0; margin: 0; }
            .lb-handout-contents li + li { margin-top: 0.05rem; }
            .lb-handout-contents a { display: flex; gap: 0.4em; color: inherit; text-decoration: none; }
            .lb-handout-contents .lb-toc-title { flex: 1; }
            .lb-handout-toc-chapter { font-weight: 650; margin-top: 0.45rem !important; }
            .lb-handout-toc-section { padding-left: 2.2em; }
            .lb-handout-contents .lb-toc-number { min-width: 1.8em; }
            .\(HandoutContentsEntry.pageClass) { min-width: 2.5em; text-align: right; font-variant-numeric: tabular-nums; }
            .lb-chapter-number { text-transform: uppercase; letter-spacing: .08em; color: #666; margin-bottom: 0; }
            .lb-handout main img { height: auto; }
            </style>

            """
    }

    /// Text as a CSS string literal.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "\n", "\r", "<", ">": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// One line of the handout's contents: a chapter or one of its `##` sections.
struct HandoutContentsEntry: Sendable, Hashable {
    /// The class of the page-number slot, which the printer finds and fills.
    static let pageClass = "lb-toc-page"

    var number: String?
    var title: String
    var href: String
    /// The heading's text as the PDF's bookmarks give it, to find its page.
    var heading: String
    var isChapter: Bool
}

/// The handout contents' page numbers as a stylesheet of their own, `handout-pages.css` beside
/// `handout.html`: one `::after` rule per slot, from the pages a printing's bookmarks give. The
/// build writes it empty; `labbook build --pdf` writes the numbers and prints again. The slots
/// have a fixed width, so numbers appearing moves nothing.
enum HandoutPageNumbers {
    static let fileName = "handout-pages.css"
    static let empty = "/* The contents' page numbers: written by labbook build --pdf from a first printing. */\n"

    static func slotID(_ index: Int) -> String { "lb-toc-page-\(index + 1)" }

    /// The stylesheet for these pages, slot by slot (nil: that heading was not found).
    static func stylesheet(_ pages: [Int?]) -> String {
        var css = empty
        for (index, page) in pages.enumerated() {
            guard let page else { continue }
            css += "#\(slotID(index))::after { content: \"\(page)\"; }\n"
        }
        return css
    }
}
