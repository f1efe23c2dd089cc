import Foundation
import Testing
@testable import Workbook

/// `labbook serve` end to end: start it on a free port, fetch a page, change a chapter, see
/// the new content served, break a chapter and still get the last good page, stop it cleanly.
@Suite("Live preview", .serialized)
struct ServeTests {
    @Test func servesRebuildsOnSaveAndStopsCleanly() throws {
        let served = try ServedBook("basic")
        defer { served.stop() }
        let book = served.book

        let index = try #require(served.fetch(""))
        #expect(index.status == 200)
        #expect(index.body.contains("01-gauss.html"))
        let page = try #require(served.fetch("01-gauss.html"))
        #expect(page.body.contains("/__labbook/status"))  // the reload script is injected
        let status = try #require(served.fetch("__labbook/status"))
        #expect(status.body.contains("\"error\":null"))

        // A save shows up.
        try book.edit("01-gauss.md") { $0.replacingOccurrences(of: "## Linear data", with: "## Linear data\n\nFRESHLY-SAVED paragraph.") }
        #expect(eventually(30) { served.fetch("01-gauss.html")?.body.contains("FRESHLY-SAVED") == true })

        // A broken chapter: the error is reported, the last good page is still served.
        try book.edit("01-gauss.md") { $0.replacingOccurrences(of: "dataset: gauss", with: "dataset: gaus") }
        #expect(eventually(30) { served.fetch("__labbook/status")?.body.contains("unknown data set") == true })
        #expect(served.fetch("01-gauss.html")?.body.contains("FRESHLY-SAVED") == true)
        #expect(eventually(10) { served.stderr.value.contains("Chapters/01-gauss.md:") && served.stderr.value.contains("did you mean 'gauss'?") })

        // Stop it like Ctrl-C would.
        #expect(served.stop())
        #expect(served.process.terminationStatus == 0)
        #expect(served.stdout.value.contains("Stopped."))
    }
}
