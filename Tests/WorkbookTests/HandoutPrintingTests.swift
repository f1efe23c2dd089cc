import Foundation
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

        let outline = PDFOutlineItem.items(inPdftohtmlXML: try HandoutPrinting.run("/usr/bin/pdftohtml", ["-xml", "-stdout", "-i", "-q", pdf.path]))
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
            #expect(contents.range(of: "\(chapter.title)\\s+\(chapter.page)\\n", options: .regularExpression) != nil,
                    "contents lack \(chapter.title) … \(chapter.page)")
        }
    }
}
