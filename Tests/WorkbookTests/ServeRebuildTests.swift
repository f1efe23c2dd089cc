import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// The server's own rebuilds (with what it keeps in memory between them) publish exactly what
/// a clean `labbook build` of the same sources writes.
@Suite("Live preview rebuilds", .serialized)
struct ServeRebuildTests {
    @Test func afterEachEditTheServedOutputIsTheCleanBuildsBytes() throws {
        let served = try ServedBook("basic")
        defer { served.stop() }
        func builds() -> Int { served.stderr.value.split(separator: "\n").filter { $0.hasPrefix("Built ") }.count }
        #expect(eventually(60) { builds() >= 1 })
        let clean = served.book.root.appendingPathComponent("Clean")
        let edits: [(String, (String) -> String)] = [
            ("01-gauss.md", { $0.replacingOccurrences(of: "The node computes", with: "The SERVEDWORD node computes") }),
            ("02-xor.md", { $0.replacingOccurrences(of: "## A sweep", with: "## A RENAMED sweep") }),
            ("01-gauss.md", { $0.replacingOccurrences(of: "learning-rate: 0.001", with: "learning-rate: 0.002") }),
        ]
        for (chapter, change) in edits {
            let before = builds()
            try served.book.edit(chapter, change)
            #expect(eventually(60) { builds() > before }, "no rebuild after editing \(chapter)")
            try? FileManager.default.removeItem(at: clean)
            try served.book.build(output: clean)
            let published = try FixtureBook.tree(served.book.output)
            let expected = try FixtureBook.tree(clean)
            #expect(published.keys.sorted() == expected.keys.sorted())
            for (path, bytes) in expected where published[path] != bytes {
                Issue.record("\(path) differs from a clean build after editing \(chapter)")
            }
        }
        #expect(served.fetch("01-gauss.html")?.body.contains("SERVEDWORD") == true)
    }
}
