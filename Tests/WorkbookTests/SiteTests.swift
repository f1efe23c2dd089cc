import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

@Suite struct SiteTests {
    static let body = """
        <p>Text with <span class="math inline">\\(a^2\\)</span>.</p>
        <h2 id="setup">Setup</h2>
        """

    static func chapter(previous: PageLink? = nil, next: PageLink? = nil, assetPrefix: String = "") -> ChapterPage {
        ChapterPage(
            bookTitle: "Nets & <Friends>", numberLabel: "Chapter 2", title: "Why <script>alert(1)</script> fails",
            bodyHTML: body,
            contents: [TableOfContentsEntry(title: "Setup <b>", href: "#setup")],
            previous: previous, next: next, assetPrefix: assetPrefix, editionLabel: "Instructor edition")
    }

    // MARK: Templates

    @Test func escapesAuthorTextButNotBodyHTML() {
        let html = Self.chapter().render()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("<h1>Why &lt;script&gt;alert(1)&lt;/script&gt; fails</h1>"))
        #expect(html.contains("<title>Chapter 2 · Why &lt;script&gt;alert(1)&lt;/script&gt; fails — Nets &amp; &lt;Friends&gt;</title>"))
        #expect(html.contains("Setup &lt;b&gt;"))
        #expect(html.contains(Self.body))
        // The only <script> elements are the three asset scripts.
        #expect(html.components(separatedBy: "<script").count - 1 == 3)
    }

    @Test func documentSkeleton() {
        let html = Self.chapter().render()
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("<nav class=\"lb-toc\""))
        #expect(html.contains("<main id=\"lb-main\" tabindex=\"-1\">"))
        #expect(html.contains("<a class=\"lb-skip-link\" href=\"#lb-main\">"))
        #expect(html.contains("<a class=\"lb-book-title\" href=\"index.html\">"))
        #expect(html.contains("<span class=\"lb-edition\">Instructor edition</span>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func assetsAreLinkedRelativelyAndDeferred() throws {
        for prefix in ["", "../"] {
            let html = Self.chapter(assetPrefix: prefix).render()
            let addresses = Self.attributeValues(named: "src", in: html) + Self.attributeValues(named: "href", in: html)
            #expect(!addresses.isEmpty)
            for address in addresses {
                #expect(!address.contains("://") && !address.hasPrefix("//"), "absolute address \(address)")
            }
            for path in SiteAssets.stylesheetPaths {
                #expect(html.contains("<link rel=\"stylesheet\" href=\"\(prefix)\(path)\">"))
            }
            for path in SiteAssets.scriptPaths {
                #expect(html.contains("<script defer src=\"\(prefix)\(path)\"></script>"))
            }
            #expect(html.contains("href=\"\(prefix)index.html\""))
        }
        let index = IndexPage(bookTitle: "Nets", chapters: []).render()
        for address in Self.attributeValues(named: "src", in: index) + Self.attributeValues(named: "href", in: index) {
            #expect(!address.contains("://"))
        }
    }

    @Test func previousAndNextLinks() {
        let neither = Self.chapter().render()
        #expect(!neither.contains("rel=\"prev\""))
        #expect(!neither.contains("rel=\"next\""))

        let both = Self.chapter(
            previous: PageLink(title: "One < Two", href: "chapter-1.html"),
            next: PageLink(title: "Three", href: "chapter-3.html")
        ).render()
        #expect(both.contains("<a class=\"lb-prev\" rel=\"prev\" href=\"chapter-1.html\">"))
        #expect(both.contains("One &lt; Two"))
        #expect(both.contains("<a class=\"lb-next\" rel=\"next\" href=\"chapter-3.html\">"))

        let firstPage = Self.chapter(next: PageLink(title: "Three", href: "chapter-3.html")).render()
        #expect(!firstPage.contains("rel=\"prev\""))
        #expect(firstPage.contains("rel=\"next\""))
    }

    @Test func rendersAreDeterministic() {
        let page = Self.chapter(previous: PageLink(title: "A", href: "a.html"))
        #expect(page.render() == page.render())
        let index = IndexPage(
            bookTitle: "Nets", subtitleHTML: "<p>A course</p>",
            chapters: [TableOfContentsEntry(number: "Chapter 1", title: "Start", href: "chapter-1.html")])
        #expect(index.render() == index.render())
    }

    @Test func indexListsChaptersWithSections() {
        let chapters = [
            TableOfContentsEntry(
                number: "Chapter 1", title: "Lines & <planes>", href: "chapter-1.html",
                sections: [TableOfContentsEntry(title: "XOR", href: "chapter-1.html#xor")]),
            TableOfContentsEntry(number: "Chapter 2", title: "Depth", href: "chapter-2.html"),
        ]
        let html = IndexPage(bookTitle: "Nets", subtitleHTML: "<p><em>Hands on</em></p>", chapters: chapters).render()
        #expect(
            html.contains("<span class=\"lb-toc-number\">Chapter 1</span> <span class=\"lb-toc-title\">Lines &amp; &lt;planes&gt;</span>"))
        #expect(html.contains("<a href=\"chapter-1.html#xor\">"))
        #expect(html.contains("<a href=\"chapter-2.html\">"))
        #expect(html.contains("<p><em>Hands on</em></p>"))
        #expect(html.contains("class=\"lb-contents\""))
    }

    @Test func outlineNestsSubsectionsUnderSections() {
        let location = SourceLocation(file: "c.md", line: 1)
        let headings = [
            Heading(level: 3, text: "Early", id: "early", location: location),
            Heading(level: 3, text: "Early too", id: "early-too", location: location),
            Heading(level: 2, text: "A", id: "a", location: location),
            Heading(level: 3, text: "A.1", id: "a-1", location: location),
            Heading(level: 4, text: "Deep", id: "deep", location: location),
            Heading(level: 2, text: "B", id: "b", location: location),
        ]
        let outline = TableOfContentsEntry.outline(of: headings, page: "c.html")
        #expect(outline.map(\.title) == ["Early", "Early too", "A", "B"])
        #expect(outline[2].sections == [TableOfContentsEntry(title: "A.1", href: "c.html#a-1")])
        #expect(outline[0].sections.isEmpty)
    }

    // MARK: Assets

    @Test func writesAssets() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("labbook-site-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let written = try SiteAssets().write(to: folder)
        #expect(written == written.sorted())
        for path in [
            "assets/katex/katex.min.js", "assets/katex/katex.min.css",
            "assets/katex/contrib/auto-render.min.js", "assets/labbook.css", "assets/labbook.js",
        ] {
            #expect(written.contains(path))
            let url = folder.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(path) is not a regular file")
            #expect((attributes[.size] as? Int ?? 0) > 100)
        }
        let fonts = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("assets/katex/fonts").path)
        #expect(fonts.contains { $0.hasPrefix("KaTeX_Main-Regular.") })

        // The CSS finds its fonts at the relative paths it names.
        let css = try String(contentsOf: folder.appendingPathComponent("assets/katex/katex.min.css"), encoding: .utf8)
        #expect(css.contains("url(fonts/KaTeX_Main-Regular."))

        #expect(
            try String(contentsOf: folder.appendingPathComponent("assets/labbook.css"), encoding: .utf8) == SiteAssets.writtenStylesheet)
        #expect(try String(contentsOf: folder.appendingPathComponent("assets/labbook.js"), encoding: .utf8) == SiteAssets.writtenScript)

        // Writing again changes nothing.
        #expect(try SiteAssets().write(to: folder) == written)
    }

    @Test func missingKaTeXNamesThePackage() {
        let nowhere = URL(fileURLWithPath: "/nonexistent/labbook-katex", isDirectory: true)
        #expect(throws: SiteAssetsError.katexNotInstalled(searched: [nowhere.path])) {
            try SiteAssets(katexDirectories: [nowhere]).write(to: FileManager.default.temporaryDirectory)
        }
        let message = SiteAssetsError.katexNotInstalled(searched: [nowhere.path]).description
        #expect(message.contains("libjs-katex"))
    }

    @Test func scriptUsesOnlyBackslashDelimiters() {
        #expect(SiteAssets.script.contains(#"{ left: "\\(", right: "\\)", display: false }"#))
        #expect(SiteAssets.script.contains(#"{ left: "\\[", right: "\\]", display: true }"#))
        #expect(SiteAssets.script.contains("throwOnError: false"))
        #expect(!SiteAssets.script.contains("\"$"))
    }

    @Test func stylesheetStylesEveryCompilerClass() {
        for name in [
            ".lb-experiment", ".lb-figure", ".lb-fignum", ".lb-wide", ".lb-results", "td.num", ".lb-playground",
            "details.lb-config", ".lb-value", ".lb-not-reached", ".lb-warning", ".lb-ref", ".lb-reconstructed",
            ".lb-question", ".lb-answer", ".lb-instructor-only", ".math.display", ".lb-toc", ".lb-pager",
            "@media print", "@page", "print-color-adjust: exact",
        ] {
            #expect(SiteAssets.stylesheet.contains(name), "stylesheet lacks \(name)")
        }
        #expect(!SiteAssets.stylesheet.contains("http:") && !SiteAssets.stylesheet.contains("https:"))
    }

    /// Every value of `name="…"` in `html`.
    static func attributeValues(named name: String, in html: String) -> [String] {
        html.components(separatedBy: " \(name)=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}

@Suite struct HandoutPDFLinkTests {
    static let index = "<li><a href=\"handout.html\"><span class=\"lb-toc-title\">Printable handout (all chapters)</span></a></li>"

    @Test func theLinkFollowsTheHandoutsEntryOnce() throws {
        let linked = try #require(HandoutPDFLink.adding(to: Self.index, pages: 12))
        #expect(
            linked
                == "<li><a href=\"handout.html\"><span class=\"lb-toc-title\">Printable handout (all chapters)</span></a> <a class=\"lb-handout-pdf\" href=\"handout.pdf\">PDF (A4, 12 pages)</a></li>"
        )
        // Printing again adds no second link; an index without the handout gets none.
        #expect(HandoutPDFLink.adding(to: linked, pages: 12) == nil)
        #expect(HandoutPDFLink.adding(to: "<li><a href=\"01-a.html\">A</a></li>", pages: 3) == nil)
    }
}
