import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// What `scripts/browser-audit` reports: per page and viewport width, axe-core's violations
/// and the measurements axe does not make; and where a search led.
struct BrowserAudit: Decodable {
    struct Image: Decodable {
        var src: String?
        var alt: String?
        var loaded: Bool
    }

    struct Violation: Decodable, CustomStringConvertible {
        var id: String
        var impact: String?
        var help: String
        var nodes: [String]
        var count: Int
        var description: String { "\(id) (\(count)×, \(impact ?? "?")): \(help) — \(nodes.joined(separator: " | "))" }
    }

    /// A table in a page's main column as laid out: whether it is a results table, and what
    /// is wrong with it (it scrolls sideways, the screen clips it, its caption is cut).
    struct Table: Decodable {
        var results: Bool
        var problems: [String]
    }

    struct Page: Decodable {
        var documentWidth: Int
        var viewportWidth: Int
        var wideElements: [String]
        var images: [Image]
        var h1: Int
        /// Whether the page saw `prefers-color-scheme: dark`.
        var dark: Bool
        /// Whether the page keeps the light scheme whatever the reader's setting (its dark
        /// report is then its light one, not audited again).
        var lightOnly: Bool
        var tables: [Table]
        var violations: [Violation]
        /// Each figure image's smallest text as shown, in CSS px (light scheme only: the dark
        /// report is the same page).
        var figureText: [FigureText]
    }

    struct Search: Decodable {
        var results: Int
        var firstResult: String?
        var url: String
        var targetText: String
    }

    /// What a reader of a chapter page meets when navigating (`--navigation PAGE`): the phone
    /// menu and Escape, the section list following the scroll position, heading links, the
    /// pager at both ends, and a figure's full-size view.
    struct Navigation: Decodable {
        struct Viewer: Decodable {
            var open: Bool
            var loaded: Bool
            var inside: Bool
            var title: String
            var caption: Int
            var closedByEscape: Bool
            var historyRestored: Bool
        }
        var menuOpened: Bool
        var menuClosedByEscape: Bool
        var focusOnMenuButton: Bool
        var scrolledTo: String
        var marked: [String]
        var headings: Int
        var headingLinks: Int
        var topPager: Int
        var footerPager: Int
        var viewer: Viewer?
        /// At 390 px, each figure of the page opened full size and the smallest text it shows
        /// there, in CSS px (the SVG's smallest font size × the view's scale).
        var phoneViewer: [FigureText]
        var present: Present
    }

    /// The chapter opened with `?present` at 1280 px (see `present()` in the script).
    struct Present: Decodable {
        var presenting: Bool
        var firstHeading: String
        var nextHeading: String
        /// The first wide figure met going on section by section, and its smallest text.
        var figure: FigureText?
        var answers: Int
        var answersOpenedByKey: Int
        var leftByEscape: Bool
    }

    struct FigureText: Decodable, CustomStringConvertible {
        var src: String
        var px: Double
        var description: String { "\(src): \(px) px" }
    }

    /// Page name → width and scheme ("1280", "390", "1280-dark", "390-dark") → report. The
    /// dark reports come from the same page switched to the dark scheme, audited with axe's
    /// colour rules (the structure it checks does not change with the colours).
    var pages: [String: [String: Page]]
    var search: Search?
    var navigation: Navigation?

    static let widths = [1280, 390]
    static let keys = widths.map(String.init) + widths.map { "\($0)-dark" }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/browser-audit")
    }

    /// Starts one audit process over every HTML page of `output` (one browser for all pages
    /// and widths); `finish` waits for it and decodes its report. Two can run side by side.
    /// `dark`: audit each page in the dark scheme too.
    static func start(
        _ output: URL, search: String? = nil, navigation: String? = nil, dark: Bool = true
    ) throws -> () throws -> BrowserAudit {
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.path)
            .filter { $0.hasSuffix(".html") }.sorted()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = [
            "python3", script.path, "--output", output.path, "--pages", pages.joined(separator: ","),
            "--widths", widths.map(String.init).joined(separator: ","), "--schemes", dark ? "light,dark" : "light",
        ]
        if let search { arguments += ["--search", search] }
        if let navigation { arguments += ["--navigation", navigation] }
        process.arguments = arguments
        // Files, not pipes: a report larger than a pipe's buffer cannot block the process.
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("browser-audit-\(UUID().uuidString)")
        let outURL = stem.appendingPathExtension("json")
        let errURL = stem.appendingPathExtension("log")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        return {
            process.waitUntilExit()
            defer {
                try? FileManager.default.removeItem(at: outURL)
                try? FileManager.default.removeItem(at: errURL)
            }
            guard process.terminationStatus == 0 else {
                let log = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
                throw AuditFailure(message: "browser-audit exited with \(process.terminationStatus): \(log)")
            }
            return try JSONDecoder().decode(BrowserAudit.self, from: Data(contentsOf: outURL))
        }
    }

    struct AuditFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Everything a reader must be able to rely on, on every page at every width, in the light
    /// and the dark scheme: no axe-core violation, no page wider than a phone, no table that
    /// scrolls sideways, is clipped or has its caption cut, every image loaded with an alt
    /// text that says what it shows (not the configuration string), one h1 (the printed
    /// handout, which gathers every chapter under its own h1, aside).
    func expectReadable(_ book: String, dark: Bool = true) {
        #expect(!pages.isEmpty, "\(book): no page was audited")
        for (page, widths) in pages.sorted(by: { $0.key < $1.key }) {
            let keys = dark ? Self.keys : Self.widths.map(String.init)
            #expect(Set(widths.keys) == Set(keys), "\(book) \(page): not audited at every width in every scheme")
            for (width, report) in widths.sorted(by: { $0.key < $1.key }) {
                let place = "\(book) \(page) at \(width) px"
                #expect(report.dark == width.hasSuffix("-dark"), "\(place): the colour scheme was not set")
                // Only the printable handout, a preview of paper, stays light in the dark scheme.
                #expect(report.lightOnly == (page == "handout.html"), "\(place): light only? \(report.lightOnly)")
                #expect(report.violations.isEmpty, "\(place): \(report.violations)")
                let tableProblems = report.tables.flatMap(\.problems)
                #expect(tableProblems.isEmpty, "\(place): \(tableProblems)")
                #expect(report.documentWidth <= report.viewportWidth, "\(place) is \(report.documentWidth) px wide: \(report.wideElements)")
                if page != "handout.html" { #expect(report.h1 == 1, "\(place) has \(report.h1) h1 elements") }
                // Text inside every figure: 9 CSS px on a phone, 11 at 1280 px (a projector). The
                // printable handout is a preview of paper, its figures laid out for A4: the
                // handout checks measure them in print.
                let smallest = width.hasPrefix("390") ? 9.0 : 11.0
                for figure in report.figureText where figure.px < smallest && page != "handout.html" {
                    Issue.record("\(place): \(figure) is below \(smallest) px")
                }
                for image in report.images {
                    let alt = image.alt ?? ""
                    #expect(image.loaded, "\(place): \(image.src ?? "?") did not load")
                    #expect(alt.count > 20, "\(place): \(image.src ?? "?") has no alt text that says what it shows: \"\(alt)\"")
                    // The configuration string reads "xor · x1, x2 · hidden 4 · relu · lr 0.001 · batch 10 …".
                    #expect(
                        !alt.contains(" · lr ") && !alt.contains(" · batch "),
                        "\(place): \(image.src ?? "?") alt is the configuration: \(alt)")
                }
            }
        }
    }
}

@Suite("Accessibility in a real browser", .serialized)
struct AccessibilityTests {
    @Test func theFixtureBookHasNoViolationsInEitherEditionAtEitherWidth() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let student = book.root.appendingPathComponent("Student")
        try book.build(edition: .student, output: student)
        let instructorAudit = try BrowserAudit.start(book.output)
        let studentAudit = try BrowserAudit.start(student)
        try instructorAudit().expectReadable("fixture (instructor)")
        try studentAudit().expectReadable("fixture (student)")
    }

    /// The seed course, both editions side by side; the instructor one also searched: typing
    /// "vanishing" into the search box and following the first result leads to a section of
    /// a chapter page that contains the word.
    @Test func theSeedWorkbookHasNoViolationsAndItsSearchFindsASection() throws {
        let course = try SeedCourse.built()
        let instructor = course.instructor
        let student = course.student

        let instructorAudit = try BrowserAudit.start(instructor, search: "vanishing", navigation: "15-activations.html")
        // The student edition's pages are the instructor's without answers, styled alike; its
        // worksheets' dark scheme is audited in the fixture book. Auditing it dark as well
        // would add about two minutes.
        let studentAudit = try BrowserAudit.start(student, dark: false)
        let instructorReport = try instructorAudit()
        instructorReport.expectReadable("seed (instructor)")
        try studentAudit().expectReadable("seed (student)", dark: false)

        // Navigation as readers expect it, on a chapter with several sections and figures.
        let navigation = try #require(instructorReport.navigation, "the navigation check did not run")
        #expect(navigation.menuOpened && navigation.menuClosedByEscape, "Escape does not close the phone menu")
        #expect(navigation.focusOnMenuButton, "focus did not return to the menu's button")
        #expect(
            !navigation.scrolledTo.isEmpty && navigation.marked == ["#" + navigation.scrolledTo],
            "scrolled to \(navigation.scrolledTo), the section list marks \(navigation.marked)")
        #expect(navigation.headings > 1 && navigation.headingLinks == navigation.headings)
        #expect(navigation.topPager >= 1 && navigation.footerPager >= 1)
        let viewer = try #require(navigation.viewer, "no figure to open full size")
        #expect(viewer.open && viewer.loaded && viewer.inside, "\(viewer)")
        #expect(viewer.title.hasPrefix("Figure ") && viewer.caption > 20, "\(viewer)")
        #expect(viewer.closedByEscape && viewer.historyRestored, "\(viewer)")
        // On a phone every figure's full-size view draws its smallest text at 9 CSS px or more
        // (on the page a three-panel figure's is under 4).
        #expect(navigation.phoneViewer.count >= 5, "\(navigation.phoneViewer)")
        for figure in navigation.phoneViewer { #expect(figure.px >= 9, "\(figure)") }
        // Present mode: one section at a time, the arrow key moves on, a wide figure's text is
        // at least 11 px, A unfolds the answers, Escape leaves.
        let present = navigation.present
        #expect(present.presenting && !present.nextHeading.isEmpty && present.nextHeading != present.firstHeading, "\(present)")
        let presented = try #require(present.figure, "no wide figure met in present mode")
        #expect(presented.px >= 11, "\(presented)")
        if present.answers > 0 { #expect(present.answersOpenedByKey > 0, "\(present)") }
        #expect(present.leftByEscape, "\(present)")

        // The handout printed from the same build: figures and pages measured in the PDF.
        // Printed in a copy: the shared seed course's folders are read by other tests meanwhile.
        let printing = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-seed-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: printing) }
        try FileManager.default.copyItem(at: instructor, to: printing)
        let browser = try #require(HandoutPrinting.findBrowser(), "headless Chromium is needed")
        let printed = try HandoutPrinting(output: printing, browser: browser).print()
        let pdf = printing.appendingPathComponent("handout.pdf")
        let outline = PDFOutlineItem.items(
            inPdftohtmlXML: try HandoutPrinting.run("/usr/bin/pdftohtml", ["-xml", "-stdout", "-i", "-q", pdf.path]))
        try HandoutCheck.measure(printing).expectReadable(
            chapterStarts: Set(outline.filter { $0.depth == 0 }.map(\.page)), pages: printed.pages, place: "seed handout")

        let search = try #require(instructorReport.search, "the search did not run")
        #expect(search.results > 0, "no result for \"vanishing\"")
        #expect(search.url.hasPrefix("file://") && search.url.contains(".html#"), "the first result led to \(search.url)")
        #expect(search.targetText.lowercased().contains("vanishing"), "the section \(search.url) does not contain \"vanishing\"")
    }
}

@Suite struct SearchIndexTests {
    @Test func theIndexHasASectionPerHeadingWithItsTextAndLinksToIt() {
        let body =
            "<p>Intro &amp; more</p>\n<h2 id=\"a\">First <em>one</em></h2>\n<p>alpha</p>\n<h3 id=\"b\">Second</h3><p>beta <span class=\"lb-value\">0.02</span></p>"
        let sections: [SearchIndex.Page.Section] = [
            .init(id: "a", level: 2, title: "First one"), .init(id: "b", level: 3, title: "Second"),
        ]
        let index = SearchIndex(pages: [.init(href: "12-x.html", label: "Chapter 12 · X", sections: sections, bodyHTML: body)])
        #expect(
            index.entries == [
                .init(href: "12-x.html", page: "Chapter 12 · X", section: "", text: "Intro & more"),
                .init(href: "12-x.html#a", page: "Chapter 12 · X", section: "First one", text: "alpha"),
                .init(href: "12-x.html#b", page: "Chapter 12 · X", section: "Second", text: "beta 0.02"),
            ])
        #expect(index.javaScript.contains("window.labbookSearchIndex = [{\"href\":\"12-x.html\""))
    }

    @Test func theStudentIndexHoldsNoAnswersAndRebuildsToTheSameBytes() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let instructor = try book.page(SearchIndex.fileName)
        #expect(instructor.contains("SECRET-EXPLANATION"))
        let student = book.root.appendingPathComponent("Student")
        try book.build(edition: .student, output: student)
        let studentIndex = try book.page(SearchIndex.fileName, in: student)
        #expect(!studentIndex.contains("SECRET-EXPLANATION") && !studentIndex.contains("INSTRUCTOR-NOTE"))
        try book.build(edition: .student, output: student)
        #expect(try book.page(SearchIndex.fileName, in: student) == studentIndex)
        // Every page links the index and no page loads anything from another host.
        for page in ["index.html", "01-gauss.html"] {
            let html = try book.page(page)
            #expect(html.contains("data-index=\"search-index.js\""))
            #expect(!html.contains("src=\"http") && !html.contains("href=\"//"))
        }
    }
}
