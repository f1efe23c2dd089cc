import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Headless Chromium (Debian's `chromium`, installed by .ci/run) loads the built pages and
/// reports what a reader would meet: typeset math, loaded images, working links, no console
/// messages, and a printable handout.
enum Chromium {
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Loads `url`, runs its scripts (virtual time), returns the DOM and the console lines.
    static func dump(_ url: URL) throws -> (dom: String, console: [String]) {
        let browser = try #require(path, "headless Chromium is needed: apt-get install chromium")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=8000", "--dump-dom", url.absoluteString,
        ]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (dom, console)
    }
}

/// A page that loads each workbook page in an iframe and reports, as JSON in its DOM, what the
/// reader's browser made of it.
let inspectorPage = """
    <!doctype html><meta charset="utf-8"><body><pre id="result">pending</pre><script>
    const pages = PAGES;
    const report = {};
    let index = 0;
    function next() {
      if (index >= pages.length) { document.getElementById("result").textContent = JSON.stringify(report); return; }
      const page = pages[index++];
      const frame = document.createElement("iframe");
      frame.style.width = "1200px"; frame.style.height = "900px";
      frame.onload = function () {
        // Figures load lazily, print-only ones not at all on screen: made eager here so every
        // image is checked to be a real one.
        Array.from(frame.contentDocument.images).forEach(function (i) { i.loading = "eager"; });
        setTimeout(function () {
          const d = frame.contentDocument;
          const clone = d.body.cloneNode(true);
          clone.querySelectorAll(".katex, script").forEach(function (e) { e.remove(); });
          report[page] = {
            images: Array.from(d.images).map(function (i) { return [i.getAttribute("src"), i.naturalWidth]; }),
            katex: d.querySelectorAll(".katex").length,
            katexErrors: d.querySelectorAll(".katex-error").length,
            mathElements: d.querySelectorAll(".math").length,
            text: clone.textContent,
            links: Array.from(d.querySelectorAll("a[href]")).map(function (a) { return a.getAttribute("href"); }),
            ids: Array.from(d.querySelectorAll("[id]")).map(function (e) { return e.id; })
          };
          frame.remove();
          next();
        }, 1200);
      };
      frame.src = page;
      document.body.appendChild(frame);
    }
    next();
    </script>
    """

struct PageReport: Decodable {
    var images: [[Value]]
    var katex: Int
    var katexErrors: Int
    var mathElements: Int
    var text: String
    var links: [String]
    var ids: [String]

    enum Value: Decodable {
        case text(String), number(Double)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
        }
        var number: Double { if case .number(let d) = self { d } else { -1 } }
        var text: String { if case .text(let s) = self { s } else { "" } }
    }
}

func inspect(_ output: URL, pages: [String]) throws -> ([String: PageReport], [String]) {
    let list = "[" + pages.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    let inspector = output.appendingPathComponent("__inspect.html")
    try Data(inspectorPage.replacingOccurrences(of: "PAGES", with: list).utf8).write(to: inspector)
    defer { try? FileManager.default.removeItem(at: inspector) }
    let (dom, console) = try Chromium.dump(inspector)
    let start = try #require(dom.range(of: "<pre id=\"result\">"))
    let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
    let json = String(dom[start.upperBound..<end.lowerBound])
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    #expect(json != "pending", "the inspector did not finish")
    return (try JSONDecoder().decode([String: PageReport].self, from: Data(json.utf8)), console)
}

@Suite("In a real browser", .serialized)
struct BrowserTests {
    static let pages = ["index.html", "01-gauss.html", "02-xor.html", "answers.html", "handout.html"]

    @Test func pagesTypesetMathLoadImagesAndLinkToEachOther() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let (reports, console) = try inspect(book.output, pages: Self.pages)
        #expect(console.isEmpty, "console: \(console)")
        for page in Self.pages {
            let report = try #require(reports[page], "\(page) was not inspected")
            // Every image loaded.
            for image in report.images {
                #expect(image[1].number > 0, "\(page): image \(image[0].text) did not load")
            }
            // KaTeX typeset every math element; no raw delimiters are left in the text.
            #expect(report.katexErrors == 0, "\(page)")
            for raw in ["\\(", "\\[", "$$"] {
                #expect(!report.text.contains(raw), "\(page) shows raw \(raw)")
            }
            // Links between pages lead to pages and anchors that exist.
            for link in report.links where !link.hasPrefix("http") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? page : parts[0]
                if target.hasSuffix(".html") {
                    #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent(target).path), "\(page) → \(link)")
                    if parts.count == 2, !parts[1].isEmpty, let targetReport = reports[target] {
                        #expect(targetReport.ids.contains(parts[1]), "\(page) → \(link): no such anchor")
                    }
                } else {
                    #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent(target).path), "\(page) → \(link)")
                }
            }
        }
        let gauss = try #require(reports["01-gauss.html"])
        #expect(gauss.katex >= 4)
        #expect(gauss.images.count == 3)
        #expect(try #require(reports["02-xor.html"]).images.count == 3)
    }

    @Test func theStudentEditionsDOMHasNoAnswers() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build(edition: .student)
        let (reports, console) = try inspect(book.output, pages: ["02-xor.html", "handout.html"])
        #expect(console.isEmpty, "console: \(console)")
        for report in reports.values {
            #expect(!report.text.contains("SECRET-EXPLANATION"))
            #expect(!report.text.contains("INSTRUCTOR-NOTE"))
            #expect(!report.text.contains("Answer:"))
        }
        #expect(try #require(reports["02-xor.html"]).text.contains("Which activation reached the target first?"))
    }

    @Test func theHandoutPrintsToA4WithEachChapterOnANewPage() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let result = try Labbook.run(["build", "--pdf"], in: book.root)
        #expect(result.status == 0, "\(result.error)")
        let pdf = book.output.appendingPathComponent("handout.pdf")
        let info = try shell("/usr/bin/pdfinfo", [pdf.path])
        let pages = try #require(
            info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) })
        #expect(info.contains("(A4)"), "\(info)")
        // The index links the PDF it now has, with its page count.
        let index = try book.page("index.html")
        #expect(index.contains("<a class=\"lb-handout-pdf\" href=\"handout.pdf\">PDF (A4, \(pages) pages)</a>"))
        // Cover, then chapter 3 and chapter 4 each starting a page: at least 3 pages, and each
        // chapter's first line is the first text of some page.
        #expect(pages >= 3)
        var starts: [String] = []
        for page in 1...pages {
            let text = try shell("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"])
            if let first = text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: {
                !$0.isEmpty && !$0.hasPrefix("Neural networks in the Playground")
            }) {  // past the running title
                starts.append(first)
            }
        }
        #expect(starts.contains { $0.uppercased().hasPrefix("CHAPTER 3") }, "\(starts)")
        #expect(starts.contains { $0.uppercased().hasPrefix("CHAPTER 4") }, "\(starts)")
    }
}
