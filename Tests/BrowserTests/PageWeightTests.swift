import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Pages fetch what they show, measured as a reader's browser fetches them: headless Chromium's
/// Resource Timing entries, through `scripts/page-weight`.
@Suite("Light pages", .serialized)
struct PageWeightTests {
    struct Weight: Decodable {
        struct Entry: Decodable {
            var name: String
            var bytes: Int
        }
        var bytes: Int
        var entries: [Entry]
    }

    static func weigh(_ output: URL, _ page: String) throws -> Weight {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/page-weight")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--output", output.path, "--pages", page, "--json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONDecoder().decode([String: Weight].self, from: data)[page])
    }

    @Test func printOnlyTimelinesAreNotFetchedOnScreenAndNoKaTeXWithoutMaths() throws {
        let book = try FixtureBook("timelines")
        defer { book.remove() }
        try book.build()
        let page = try #require(
            try FileManager.default.contentsOfDirectory(atPath: book.output.path)
                .first { $0.hasSuffix(".html") && !["index.html", "handout.html", "answers.html"].contains($0) })
        let html = try book.page(page)
        // The timelines are in the page, for print and for readers without script …
        #expect(html.contains("figures/xor-time-boundary-timeline.png\" loading=\"lazy\""))
        #expect(html.contains("figures/xor-time-network-timeline.png\" loading=\"lazy\""))
        // … but the slider shows the same snapshots on screen, so the browser fetches its frames only.
        let names = try Self.weigh(book.output, page).entries.map(\.name)
        #expect(names.contains { $0.contains("xor-time-boundary-epoch-") })
        #expect(!names.contains { $0.contains("-timeline.") }, "\(names)")
        #expect(!html.contains("katex") && !names.contains { $0.contains("katex") })
    }

    @Test func aPageWithMathsLoadsKaTeX() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let names = try Self.weigh(book.output, "01-gauss.html").entries.map(\.name)
        #expect(names.contains { $0.hasSuffix("katex.min.js") })
        #expect(names.contains { $0.hasSuffix("auto-render.min.js") })
    }
}
