import ChapterMarkdown
import Foundation

/// `handout.html`: every chapter on one page, made for printing — each chapter starts a new
/// page, figures are the SVG files (vector on paper), no navigation.
struct HandoutPage {
    var bookTitle: String
    var bodyHTML: String
    var editionLabel: String?

    /// Rules only the handout needs; the shared stylesheet already has the print basics.
    static let style = """
        <style>
        .lb-handout-chapter + .lb-handout-chapter { break-before: page; }
        .lb-handout-title { text-align: center; margin: 30vh 0 0; }
        .lb-handout-cover { break-after: page; }
        .lb-chapter-number { text-transform: uppercase; letter-spacing: .08em; color: #666; margin-bottom: 0; }
        .lb-handout main img { height: auto; }
        </style>

        """

    func render() -> String {
        let title = editionLabel.map { "\(bookTitle) — \($0)" } ?? bookTitle
        var html = PageShell.head(title: title + " (handout)", assetPrefix: "", bodyClass: "lb-handout")
        html = html.replacingOccurrences(of: "</head>", with: Self.style + "</head>")
        html += "<main class=\"lb-main\">\n"
        html += "<section class=\"lb-handout-cover\"><h1 class=\"lb-handout-title\">\(HTML.escape(bookTitle))</h1>"
        if let editionLabel { html += "<p style=\"text-align:center\">\(HTML.escape(editionLabel))</p>" }
        html += "</section>\n"
        html += bodyHTML
        html += "</main>\n"
        html += PageShell.end
        return html
    }
}
