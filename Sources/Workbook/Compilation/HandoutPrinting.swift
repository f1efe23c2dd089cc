import ChapterMarkdown
import Foundation

/// Prints `handout.html` to `handout.pdf` with headless Chromium, as a book: page numbers in the
/// footer and a running title (CSS margin boxes, which Chromium prints), bookmarks from the
/// headings (`--generate-pdf-document-outline`), and a table of contents with page numbers.
///
/// Chromium has no `target-counter()`, so the contents' page numbers come from a first
/// printing: its bookmarks (read with poppler's `pdftohtml -xml`) say on which page each
/// chapter and section starts; the numbers go into the stylesheet the handout links for them
/// (``HandoutPageNumbers``: the page itself is never rewritten) and it is printed again. The
/// numbers sit in fixed-width slots that are empty the first time, so they move nothing; a
/// third printing happens only if a page did move. Each printing has a time
/// limit (``timeLimit``): a browser that hangs is stopped and the build says so.
public struct HandoutPrinting: Sendable {
    public var output: URL
    public var browser: String
    /// Seconds one printing may take before Chromium is stopped: a printing of the seed course
    /// takes a few seconds, so two minutes means the browser hangs, not that the book is long.
    public var timeLimit: TimeInterval

    public init(output: URL, browser: String, timeLimit: TimeInterval = 120) {
        self.output = output
        self.browser = browser
        self.timeLimit = timeLimit
    }

    /// What a printing did, for the command's summary and for tests.
    public struct Report: Sendable {
        public var pages = 0
        public var printings = 0
        /// Contents lines that got a page number, and all of them.
        public var numberedEntries = 0
        public var entries = 0
        /// Set when poppler's tools are missing: the contents then have no page numbers.
        public var note: String?
    }

    public enum Failure: Error, CustomStringConvertible {
        case noBrowser
        case printFailed(status: Int32)
        case timedOut(browser: String, seconds: TimeInterval)
        case file(String)

        public var description: String {
            switch self {
            case .noBrowser:
                "printing the handout needs headless Chromium; install it with: apt-get install chromium (the HTML handout was written)"
            case .printFailed(let status): "Chromium could not print handout.html (exit \(status))"
            case .timedOut(let browser, let seconds):
                "Chromium (\(browser)) did not finish printing handout.html within \(Int(seconds)) s and was stopped; the HTML handout was written: print it from a browser, or check that `\(browser) --headless --disable-gpu --dump-dom about:blank` ends and build again with --pdf"
            case .file(let message): message
            }
        }
    }

    /// The first Chromium on the PATH.
    public static func findBrowser() -> String? { executable(["chromium", "chromium-browser", "google-chrome"]) }

    static func executable(_ names: [String]) -> String? {
        for name in names {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    public func print() throws(Failure) -> Report {
        var report = Report()
        let handout = output.appendingPathComponent("handout.html")
        let pdf = output.appendingPathComponent("handout.pdf")
        let temporary = output.appendingPathComponent(".handout.pdf.tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard let html = try? String(contentsOf: handout, encoding: .utf8) else {
            throw .file("cannot read \(handout.path)")
        }
        try printOnce(handout, to: temporary)
        report.printings = 1
        if let reader = Self.executable(["pdftohtml"]) {
            var previous: [Int?] = []
            for _ in 0..<3 {
                let outline = try Self.outline(of: temporary, reader: reader)
                let pages = HandoutContentsNumbers.pages(forSlotsIn: html, outline: outline)
                report.entries = pages.count
                report.numberedEntries = pages.compactMap { $0 }.count
                if pages == previous { break }
                previous = pages
                try write(HandoutPageNumbers.stylesheet(pages), to: output.appendingPathComponent(HandoutPageNumbers.fileName))
                try printOnce(handout, to: temporary)
                report.printings += 1
            }
        } else {
            report.note = "the contents have no page numbers: install poppler-utils (pdftohtml) for them"
        }
        if let info = try? Self.run(Self.executable(["pdfinfo"]) ?? "/usr/bin/pdfinfo", [temporary.path]),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") })
        {
            report.pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        if let author = Self.metaContent("author", in: html), let title = Self.title(in: html),
            let printed = try? Data(contentsOf: temporary),
            let updated = PDFInfoUpdate.adding(author: author, title: title, to: printed)
        {
            try? updated.write(to: temporary)
        }
        _ = try? FileManager.default.removeItem(at: pdf)
        do {
            try FileManager.default.moveItem(at: temporary, to: pdf)
        } catch {
            throw .file("cannot write \(pdf.path): \(error.localizedDescription)")
        }
        // Now that the PDF is in place, the index links it (see ``HandoutPDFLink``).
        let index = output.appendingPathComponent("index.html")
        if let page = try? String(contentsOf: index, encoding: .utf8),
            let linked = HandoutPDFLink.adding(to: page, pages: report.pages)
        {
            try write(linked, to: index)
        }
        return report
    }

    /// `content` of `<meta name="NAME" content="…">` in the page, unescaped.
    static func metaContent(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "<meta name=\"\(name)\" content=\""),
            let end = html[start.upperBound...].range(of: "\"")
        else { return nil }
        return unescaped(String(html[start.upperBound..<end.lowerBound]))
    }

    /// The page's `<title>`, unescaped.
    static func title(in html: String) -> String? {
        guard let start = html.range(of: "<title>"), let end = html[start.upperBound...].range(of: "</title>") else { return nil }
        return unescaped(String(html[start.upperBound..<end.lowerBound]))
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func printOnce(_ handout: URL, to pdf: URL) throws(Failure) {
        try? FileManager.default.removeItem(at: pdf)
        let arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
            "--print-to-pdf=\(pdf.path)", handout.absoluteString,
        ]
        let outcome: TimedProcess.Outcome
        do {
            outcome = try TimedProcess.run(browser, arguments, limit: timeLimit)
        } catch {
            throw .printFailed(status: -1)
        }
        switch outcome {
        case .timedOut: throw .timedOut(browser: browser, seconds: timeLimit)
        case .exited(let status):
            guard status == 0, FileManager.default.fileExists(atPath: pdf.path) else { throw .printFailed(status: status) }
        }
    }

    func write(_ text: String, to url: URL) throws(Failure) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)  // a temporary file renamed into place
        } catch {
            throw .file("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// The PDF's bookmarks in document order: title and page.
    static func outline(of pdf: URL, reader: String) throws(Failure) -> [PDFOutlineItem] {
        guard let xml = try? run(reader, ["-xml", "-stdout", "-i", "-q", pdf.path]) else {
            throw .file("cannot read the bookmarks of \(pdf.path) with \(reader)")
        }
        return PDFOutlineItem.items(inPdftohtmlXML: xml)
    }

    /// Runs a tool and returns what it printed.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// One bookmark of a PDF: its title and the page it leads to (1-based).
public struct PDFOutlineItem: Sendable, Hashable {
    public var title: String
    public var page: Int
    /// Nesting depth, 0 for the top level.
    public var depth: Int

    /// The `<item page="N">title</item>` lines of `pdftohtml -xml`, in order, with their depth
    /// from the nested `<outline>` elements.
    public static func items(inPdftohtmlXML xml: String) -> [PDFOutlineItem] {
        var items: [PDFOutlineItem] = []
        var depth = -1
        var rest = xml[...]
        while let next = rest.firstIndex(of: "<") {
            rest = rest[next...]
            if rest.hasPrefix("<outline>") {
                depth += 1
                rest = rest.dropFirst(9)
            } else if rest.hasPrefix("</outline>") {
                depth -= 1
                rest = rest.dropFirst(10)
            } else if rest.hasPrefix("<item"), let close = rest.range(of: "</item>"), let tagEnd = rest.firstIndex(of: ">") {
                let tag = rest[..<tagEnd]
                let page = tag.range(of: "page=\"").flatMap { start in
                    Int(tag[start.upperBound...].prefix { $0.isNumber })
                }
                let title = PlainText.of(String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
                if let page { items.append(PDFOutlineItem(title: title, page: page, depth: max(depth, 0))) }
                rest = rest[close.upperBound...]
            } else {
                rest = rest.dropFirst()
            }
        }
        return items
    }
}

/// The page of each of the handout's contents lines, from the bookmarks of a printing.
enum HandoutContentsNumbers {
    static let slotOpen = "<span class=\"\(HandoutContentsEntry.pageClass)\" data-heading=\""

    /// For each page-number slot in the handout, in order, the page of the bookmark with its
    /// heading's text, searched forward from the previous match (a title may repeat).
    static func pages(forSlotsIn html: String, outline: [PDFOutlineItem]) -> [Int?] {
        var pages: [Int?] = []
        var cursor = 0
        // Compared without white space: a bookmark loses the space where its heading wrapped.
        func key(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        for heading in slotHeadings(html) {
            let wanted = key(heading)
            if let index = outline[cursor...].firstIndex(where: { key($0.title) == wanted }) {
                pages.append(outline[index].page)
                cursor = index + 1
            } else {
                pages.append(nil)
            }
        }
        return pages
    }

    static func slotHeadings(_ html: String) -> [String] {
        html.components(separatedBy: slotOpen).dropFirst().map { part in
            PlainText.unescaped(String(part.prefix { $0 != "\"" }))
        }
    }
}
