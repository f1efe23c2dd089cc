import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Workbook

/// `labbook serve` end to end: start it on a free port, fetch a page, change a chapter, see
/// the new content served, break a chapter and still get the last good page, stop it cleanly.
@Suite("Live preview", .serialized)
struct ServeTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ data: Data) {
            lock.lock()
            text += String(decoding: data, as: UTF8.self)
            lock.unlock()
        }
        var value: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    static func fetch(_ url: URL) -> (Int, String)? {
        let semaphore = DispatchSemaphore(value: 0)
        let result = Lines()
        let status = Locked<Int>(0)
        let task = URLSession.shared.dataTask(with: url) { data, response, _ in
            if let data { result.append(data) }
            status.set((response as? HTTPURLResponse)?.statusCode ?? 0)
            semaphore.signal()
        }
        task.resume()
        guard semaphore.wait(timeout: .now() + 10) == .success else { return nil }
        return (status.get(), result.value)
    }

    /// Polls until `condition` holds or `seconds` pass.
    static func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return condition()
    }

    @Test func servesRebuildsOnSaveAndStopsCleanly() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let process = Process()
        process.executableURL = Labbook.executable
        process.arguments = ["serve"]
        process.currentDirectoryURL = book.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdout = Lines()
        let stderr = Lines()
        out.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        err.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        #expect(Self.eventually(60) { stdout.value.contains("Serving http://127.0.0.1:") }, "\(stderr.value)")
        let line = try #require(stdout.value.split(separator: "\n").first { $0.hasPrefix("Serving ") })
        let address = try #require(line.split(separator: " ").dropFirst().first.map(String.init))
        let base = try #require(URL(string: address))

        let index = try #require(Self.fetch(base))
        #expect(index.0 == 200)
        #expect(index.1.contains("01-gauss.html"))
        let page = try #require(Self.fetch(base.appendingPathComponent("01-gauss.html")))
        #expect(page.1.contains("/__labbook/status"))  // the reload script is injected
        let status = try #require(Self.fetch(base.appendingPathComponent("__labbook/status")))
        #expect(status.1.contains("\"error\":null"))

        // A save shows up.
        try book.edit("01-gauss.md") { $0.replacingOccurrences(of: "## Linear data", with: "## Linear data\n\nFRESHLY-SAVED paragraph.") }
        #expect(Self.eventually(30) { Self.fetch(base.appendingPathComponent("01-gauss.html"))?.1.contains("FRESHLY-SAVED") == true })

        // A broken chapter: the error is reported, the last good page is still served.
        try book.edit("01-gauss.md") { $0.replacingOccurrences(of: "dataset: gauss", with: "dataset: gaus") }
        #expect(Self.eventually(30) { Self.fetch(base.appendingPathComponent("__labbook/status"))?.1.contains("unknown data set") == true })
        #expect(Self.fetch(base.appendingPathComponent("01-gauss.html"))?.1.contains("FRESHLY-SAVED") == true)
        #expect(Self.eventually(10) { stderr.value.contains("Chapters/01-gauss.md:") && stderr.value.contains("did you mean 'gauss'?") })

        // Stop it like Ctrl-C would.
        process.interrupt()
        #expect(Self.eventually(15) { !process.isRunning })
        #expect(process.terminationStatus == 0)
        #expect(stdout.value.contains("Stopped."))
    }
}
