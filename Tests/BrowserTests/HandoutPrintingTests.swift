import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// The printed handout as a book: bookmarks for every chapter, page numbers on every page after
/// the cover (and in the contents), no page left with only a line or two unless a chapter ends
/// there. Printed with headless Chromium and read back with poppler's tools.
@Suite(.serialized) struct HandoutPrintingTests {
    @Test(arguments: [Edition.instructor, .student])
    func theHandoutPrintsAsABook(edition: Edition) throws {
        let book = try FixtureBook("editions")
        defer { book.remove() }
        try book.build(edition: edition)
        let browser = try #require(HandoutPrinting.findBrowser(), "headless Chromium is needed (apt-get install chromium)")
        let report = try HandoutPrinting(output: book.output, browser: browser).print()
        let pdf = book.output.appendingPathComponent("handout.pdf")
        #expect(report.note == nil)
        #expect(report.entries > 0 && report.numberedEntries == report.entries, "contents without page numbers")

        // The authors from labbook.yml are the PDF's Author (issue 26).
        let info = try HandoutPrinting.run("/usr/bin/pdfinfo", [pdf.path])
        #expect(PDFInfoUpdateTests.field("Author", in: info) == "Ada Lovelace, Alan Turing", "\(info)")
        #expect(PDFInfoUpdateTests.field("Title", in: info)?.hasPrefix("Editions test book") == true, "\(info)")

        let outline = PDFOutlineItem.items(
            inPdftohtmlXML: try HandoutPrinting.run("/usr/bin/pdftohtml", ["-xml", "-stdout", "-i", "-q", pdf.path]))
        let chapters = outline.filter { $0.depth == 0 }
        #expect(chapters.map(\.title) == ["Worksheets", "Comparisons"], "\(outline)")
        #expect(outline.contains { $0.depth == 1 && $0.title == "Question A: a worksheet by its section" })

        let pages = try HandoutPrinting.run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"])
            .components(separatedBy: "\u{0C}").dropLast()  // pdftotext ends every page with a form feed
        #expect(pages.count == report.pages && pages.count >= 4)
        let chapterStarts = Set(chapters.map(\.page))
        for (index, text) in pages.enumerated() {
            let number = index + 1
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if number == 1 {
                #expect(lines.contains("Editions test book"))  // the cover, without a number
                continue
            }
            #expect(lines.last == String(number), "page \(number) has no page number at its foot")
            // Besides the running title and the number, a page carries a few lines of text —
            // unless it is the last page of a chapter.
            let isLastOfChapter = chapterStarts.contains(number + 1) || number == pages.count
            if !isLastOfChapter {
                #expect(lines.count - 2 >= 4, "page \(number) is nearly empty: \(lines)")
            }
        }
        // The contents give each chapter's first page.
        let contents = pages[1]
        for chapter in chapters {
            #expect(
                contents.range(of: "\(chapter.title)\\s+\(chapter.page)\\n", options: .regularExpression) != nil,
                "contents lack \(chapter.title) … \(chapter.page)")
        }
    }
}

/// The incremental update that gives a printed PDF its Author, on a minimal classic PDF.
@Suite struct PDFInfoUpdateTests {
    static let minimal: Data = {
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for object in [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>", "<< /Title (Old) /Producer (Skia/PDF) >>",
        ] {
            offsets.append(text.utf8.count)
            text += "\(offsets.count) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 5\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        text += "trailer\n<</Size 5 /Root 1 0 R /Info 4 0 R>>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }()

    /// A field of `pdfinfo`'s output, e.g. `Author:         Ada` → "Ada".
    static func field(_ name: String, in info: String) -> String? {
        info.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    @Test func theAuthorIsAddedAndTheRestKept() throws {
        let updated = try #require(PDFInfoUpdate.adding(author: "Ada Lovelace, Grace Hopper — Zürich", title: "Réseaux", to: Self.minimal))
        #expect(updated.prefix(Self.minimal.count) == Self.minimal)  // nothing already written changes
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-info-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try updated.write(to: file)
        let info = try HandoutPrinting.run("/usr/bin/pdfinfo", [file.path])
        #expect(Self.field("Author", in: info) == "Ada Lovelace, Grace Hopper — Zürich", "\(info)")
        #expect(Self.field("Title", in: info) == "Réseaux", "\(info)")
        #expect(Self.field("Pages", in: info) == "1", "\(info)")
        #expect(!info.contains("Syntax Error"), "\(info)")
    }

    @Test func aFileWithoutAClassicTrailerIsLeftAlone() {
        #expect(PDFInfoUpdate.adding(author: "A", title: "T", to: Data("%PDF-1.5\nno trailer here\n".utf8)) == nil)
    }
}

/// What `scripts/handout-check` measures in a printed handout: where each figure printed and
/// its smallest text in pt (its link's box in the PDF × its SVG's font sizes), and how full
/// each page is.
struct HandoutCheck: Decodable {
    struct Figure: Decodable, CustomStringConvertible {
        var file: String
        var page: Int
        var widthPt: Double
        var smallestPt: Double
        var description: String { "\(file) on page \(page): \(smallestPt) pt" }
    }

    struct Table: Decodable {
        var page: Int
        var figurePage: Int?
        var figure: String?
    }

    var figures: [Figure]
    /// Every results table of the handout with the page of the figure printed just before it.
    var tables: [Table]
    /// Page by page (from page 1), the lowest inked row of the text area as a fraction of it.
    var fullness: [Double]

    static func measure(_ output: URL) throws -> HandoutCheck {
        let script = BrowserAudit.script.deletingLastPathComponent().appendingPathComponent("handout-check")
        let json = try HandoutPrinting.run("/usr/bin/env", ["python3", script.path, "--output", output.path])
        return try JSONDecoder().decode(HandoutCheck.self, from: Data(json.utf8))
    }

    /// Paper a reader can use: no figure text below 6 pt, each results table on its figure's
    /// page, no page less than a quarter full
    /// except the cover and the last page of a chapter (chapters start on a new page).
    func expectReadable(chapterStarts: Set<Int>, pages: Int, place: String) {
        #expect(fullness.count == pages, "\(place): \(fullness.count) pages measured of \(pages)")
        #expect(figures.count > 10, "\(place): only \(figures.count) figures found in the PDF")
        for figure in figures where figure.smallestPt < 6 {
            Issue.record("\(place): \(figure) is below 6 pt")
        }
        // A results table prints on the page of its figure (the one just before it).
        #expect(tables.count > 5, "\(place): only \(tables.count) results tables found in the PDF")
        for table in tables where table.figurePage != table.page {
            Issue.record(
                "\(place): a results table on page \(table.page) is away from its figure \(table.figure ?? "?") on page \(table.figurePage.map(String.init) ?? "?")"
            )
        }
        for (index, full) in fullness.enumerated() {
            let page = index + 1
            let lastOfChapter = chapterStarts.contains(page + 1) || page == fullness.count
            if page > 1 && !lastOfChapter && full < 0.25 {
                Issue.record("\(place): page \(page) is only \(Int(full * 100)) % full")
            }
        }
    }
}
