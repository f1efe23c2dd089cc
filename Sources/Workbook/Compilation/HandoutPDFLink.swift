/// The index's link to the printed handout: `labbook build --pdf` prints `handout.pdf` after
/// the pages are written, so once the PDF is in place its link is added beside the index's
/// "Printable handout" entry (as the printing also fills the handout's page numbers in). A
/// build without `--pdf` writes the index without it, so the index never links a PDF that
/// this build did not print.
enum HandoutPDFLink {
    static let href = "handout.pdf"

    /// `indexHTML` with " · PDF (A4, N pages)" after the handout's entry; nil when the index
    /// has no handout entry or already links the PDF.
    static func adding(to indexHTML: String, pages: Int) -> String? {
        guard !indexHTML.contains("href=\"\(href)\""),
            let entry = indexHTML.range(of: "<a href=\"handout.html\">"),
            let end = indexHTML[entry.upperBound...].range(of: "</a>")
        else { return nil }
        let size = pages > 0 ? ", \(pages) page\(pages == 1 ? "" : "s")" : ""
        let link = " <a class=\"lb-handout-pdf\" href=\"\(href)\">PDF (A4\(size))</a>"
        var html = indexHTML
        html.insert(contentsOf: link, at: end.upperBound)
        return html
    }
}
