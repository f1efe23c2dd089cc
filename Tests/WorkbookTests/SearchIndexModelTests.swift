import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// The search index is made from the document model: its sections are the headings the parser
/// found, not tags found again in the HTML, and each page's part is encoded on its own.
@Suite("Search index from the document model")
struct SearchIndexModelTests {
    @Test func aHeadingThePageDoesNotShowAddsItsTextToTheSectionBefore() {
        let body = "<p>intro</p><h2 id=\"a\">A</h2><p>alpha</p><p>more</p><h3 id=\"c\">C</h3><p>gamma</p>"
        let sections: [SearchIndex.Page.Section] = [
            .init(id: "a", level: 2, title: "A"), .init(id: "b", level: 2, title: "B (not on the page)"),
            .init(id: "c", level: 3, title: "C"),
        ]
        let page = SearchIndex.Page(href: "p.html", label: "P", sections: sections, bodyHTML: body)
        #expect(page.entries.map(\.href) == ["p.html", "p.html#a", "p.html#c"])
        #expect(page.entries.map(\.text) == ["intro", "alpha more", "gamma"])
    }

    @Test func anHTMLHeadingTheDocumentDoesNotDeclareIsNoSection() {
        // A heading an experiment's HTML writes (or an author's raw HTML) is text of its section.
        let body = "<h2 id=\"a\">A</h2><p>alpha</p><h3 id=\"x\">Inner</h3><p>beta</p>"
        let page = SearchIndex.Page(href: "p.html", label: "P", sections: [.init(id: "a", level: 2, title: "A")], bodyHTML: body)
        #expect(page.entries.map(\.href) == ["p.html#a"])
        #expect(page.entries.first?.text == "alpha Inner beta")
    }

    @Test func aHeadingsMathsReadsAsText() {
        #expect(SearchIndex.readableHeading("Weights \\(w_1\\) and \\(x^2\\) here") == "Weights w₁ and x² here")
        #expect(SearchIndex.readableHeading("No maths, just \\ a backslash") == "No maths, just \\ a backslash")
    }

    @Test func theIndexJoinedFromPagePartsIsTheWholeArrayEncoded() throws {
        let pages = [
            SearchIndex.Page(
                href: "a.html", label: "A", sections: [.init(id: "s", level: 2, title: "S \"quoted\"")],
                bodyHTML: "<p>x/y</p><h2 id=\"s\">S</h2><p>ü</p>"),
            SearchIndex.Page(href: "empty.html", label: "E", sections: [], bodyHTML: ""),
            SearchIndex.Page(href: "b.html", label: "B", sections: [], bodyHTML: "<p>b</p>"),
        ]
        let index = SearchIndex(pages: pages)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let whole = String(decoding: try encoder.encode(index.entries), as: UTF8.self)
        #expect(index.javaScript.contains("window.labbookSearchIndex = \(whole);\n"))
        // Remembered parts give the same bytes.
        let memory = PageMemory()
        let first = SearchIndex(pages: pages, memory: memory).javaScript
        #expect(SearchIndex(pages: pages, memory: memory).javaScript == first && first == index.javaScript)
    }

    @Test func aBuiltIndexHasOneSectionPerLevelTwoAndThreeHeadingOfTheDocument() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let script = try book.page(SearchIndex.fileName)
        let json = try #require(script.split(separator: "=", maxSplits: 1).last?.trimmingCharacters(in: .whitespacesAndNewlines).dropLast())
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        let plan = Builder(options: book.options).check()
        let expected = plan.chapters.flatMap { chapter in
            chapter.document.headings.filter { $0.level == 2 || $0.level == 3 }.map { "\(chapter.pageName)#\($0.id)" }
        }
        #expect(!expected.isEmpty)
        #expect(entries.compactMap { $0["href"] }.filter { $0.contains("#") } == expected)
    }
}
