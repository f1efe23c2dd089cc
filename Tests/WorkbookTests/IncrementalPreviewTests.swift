import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// `labbook serve` keeps what it computed (decoded runs, chapter bodies, search entries) from
/// one rebuild to the next. Whatever it reuses, the output after any sequence of edits is
/// byte for byte the output of a clean build of the same sources.
@Suite("Preview rebuilds equal clean builds", .serialized)
struct IncrementalPreviewTests {
    typealias Edit = (name: String, chapter: String, change: @Sendable (String) -> String)

    static let edits: [Edit] = [
        ("a word in a paragraph", "01-gauss.md", { $0.replacingOccurrences(of: "The node computes", with: "The FRESHWORD node computes") }),
        (
            "a new paragraph (the lines below it move)", "01-gauss.md",
            { $0.replacingOccurrences(of: "## Linear data\n", with: "## Linear data\n\nA NEW paragraph.\n") }
        ),
        ("a heading (the contents change)", "02-xor.md", { $0.replacingOccurrences(of: "## A sweep", with: "## A RENAMED sweep") }),
        (
            "a setting (a run is trained)", "01-gauss.md",
            { $0.replacingOccurrences(of: "learning-rate: 0.001", with: "learning-rate: 0.003") }
        ),
        ("a broken directive (the build fails)", "01-gauss.md", { $0.replacingOccurrences(of: "dataset: gauss", with: "dataset: gaus") }),
        ("the fix", "01-gauss.md", { $0.replacingOccurrences(of: "dataset: gaus", with: "dataset: gauss") }),
        (
            "a word in the other chapter", "02-xor.md",
            { $0.replacingOccurrences(of: "Over three seeds:", with: "Over three OTHERWORD seeds:") }
        ),
    ]

    @Test func aSequenceOfEditsEndsInTheCleanBuildsBytes() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        var options = book.options
        options.runMemory = RunMemory()
        let memory = PageMemory()
        options.pageMemory = memory
        let clean = book.root.appendingPathComponent("Clean")
        try Builder(options: options).build()
        for edit in Self.edits {
            try book.edit(edit.chapter, edit.change)
            let failed = (try? Builder(options: options).build()) == nil
            #expect(failed == edit.name.contains("fails"), "\(edit.name)")
            if failed { continue }
            if edit.name.hasPrefix("a word in a paragraph") || edit.name.hasPrefix("a setting") {
                // Only the edited chapter's page and handout bodies were rendered again: the
                // other chapter names the edited experiment only in a figure reference, whose
                // number and page did not change.
                let counts = memory.bodyCounts.get()
                #expect(counts.reused == 2 && counts.rendered == 2, "reused \(counts.reused), rendered \(counts.rendered)")
            }
            try? FileManager.default.removeItem(at: clean)
            try book.build(output: clean)
            let served = try FixtureBook.tree(book.output)
            let expected = try FixtureBook.tree(clean)
            #expect(served.keys.sorted() == expected.keys.sorted(), "after \(edit.name)")
            for (path, bytes) in expected where served[path] != bytes {
                Issue.record("after \(edit.name): \(path) differs from a clean build")
            }
        }
    }
}
