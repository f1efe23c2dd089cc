import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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
        #expect(
            eventually(10) {
                served.stderr.value.contains("Chapters/01-gauss.md:") && served.stderr.value.contains("did you mean 'gauss'?")
            })

        // Stop it like Ctrl-C would.
        #expect(served.stop())
        #expect(served.process.terminationStatus == 0)
        #expect(served.stdout.value.contains("Stopped."))
    }

    /// The version an open page has seen, from the status JSON.
    static func version(_ status: String) -> Int? {
        guard let range = status.range(of: #""version":(\d+)"#, options: .regularExpression) else { return nil }
        return Int(status[range].dropFirst(10))
    }

    /// An open page waits on `?since=N` and is answered as soon as the build that follows an
    /// edit of `labbook.yml` (which sits beside Chapters/, not in it) is in place.
    @Test func anEditOfTheBookSettingsReloadsTheOpenPage() throws {
        let served = try ServedBook("basic")
        defer { served.stop() }
        let first = try #require(served.fetch("__labbook/status"))
        let seen = try #require(Self.version(first.body))
        let waiting = Locked<String?>(nil)
        // The long poll from another thread, as an open page's script waits on it.
        let address = served.base.appendingPathComponent("__labbook/status").absoluteString + "?since=\(seen)"
        let task = URLSession.shared.dataTask(with: try #require(URL(string: address))) { data, _, _ in
            waiting.set(data.map { String(decoding: $0, as: UTF8.self) } ?? "")
        }
        task.resume()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(waiting.get() == nil, "answered before anything changed")
        try Data("title: A Freshly Renamed Book\n".utf8).write(to: served.book.root.appendingPathComponent("labbook.yml"))
        #expect(eventually(30) { waiting.get() != nil })
        let status = try #require(waiting.get())
        #expect(Self.version(status).map { $0 > seen } == true && status.contains("\"error\":null"))
        #expect(served.fetch("01-gauss.html")?.body.contains("A Freshly Renamed Book") == true)
    }

    @Test func servesTheStudentEdition() throws {
        let served = try ServedBook("editions", arguments: ["--edition", "student"])
        defer { served.stop() }
        let page = try #require(served.fetch("01-worksheets.html"))
        #expect(page.body.contains("Student edition"))
        #expect(page.body.contains("lb-blank"))
    }
}
