import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

@Suite("Nothing lost, nothing random", .serialized)
struct AtomicityAndDeterminismTests {
    @Test func aFailedBuildLeavesThePreviousOutputByteIdentical() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let before = try FixtureBook.tree(book.output)
        try book.edit("02-xor.md") { $0.replacingOccurrences(of: "activation: relu", with: "activation: rellu") }
        #expect(throws: BuildFailure.self) { try book.build() }
        let after = try FixtureBook.tree(book.output)
        #expect(before == after)
        // No staging folder is left behind.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: book.root.path)
        #expect(!siblings.contains { $0.contains(".building") })
    }

    @Test func aKilledBuildsStagingFolderIsClearedAndOutputKept() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let before = try FixtureBook.tree(book.output)
        // What a build killed halfway leaves: a staging folder beside Output/.
        let stale = book.root.appendingPathComponent(".Output.building")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: stale.appendingPathComponent("index.html"))
        #expect(try FixtureBook.tree(book.output) == before)
        try book.build()
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(try FixtureBook.tree(book.output) == before)
    }

    @Test func twoBuildsOfTheSameSourcesAreByteIdentical() throws {
        let one = try FixtureBook("basic")
        let two = try FixtureBook("basic")
        defer { one.remove(); two.remove() }
        try one.build()
        try two.build()
        let a = try FixtureBook.tree(one.output)
        let b = try FixtureBook.tree(two.output)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
        // And a rebuild from the cache writes the same bytes again.
        try one.build()
        #expect(try FixtureBook.tree(one.output) == a)
    }
}
