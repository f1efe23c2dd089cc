import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 26, F8: an instructor build and a student build (`--output Student`) at the same time
/// share one cache; 3 of 7 instructor builds once failed with "a figure just written to the
/// cache cannot be read back". Writers must not collide and readers must not fail.
@Suite("One cache, builds at the same time", .serialized)
struct SharedCacheTests {
    static func cache() -> BuildCache {
        BuildCache(root: FileManager.default.temporaryDirectory.appendingPathComponent("labbook-shared-cache-\(UUID().uuidString)"))
    }

    /// A verified entry is kept: a second writer with other bytes leaves it as it was.
    @Test func theFirstWrittenEntryIsKept() throws {
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        try cache.write(Data("first".utf8), "figures", "abcdef", "svg")
        try cache.write(Data("second, longer".utf8), "figures", "abcdef", "svg")
        #expect(cache.read("figures", "abcdef", "svg") == Data("first".utf8))
        // A damaged entry is still replaced.
        try Data("garbage".utf8).write(to: cache.url("figures", "abcdef", "svg"))
        try cache.write(Data("third".utf8), "figures", "abcdef", "svg")
        #expect(cache.read("figures", "abcdef", "svg") == Data("third".utf8))
    }

    /// Eight writers of different bytes for one entry and eight readers, all at once: once the
    /// entry exists, no read misses it. (Before, each writer renamed its data and then its sum
    /// into place, so readers kept finding one writer's data beside another's sum.)
    @Test func concurrentWritersNeverLeaveAReaderEmptyHanded() throws {
        let cache = Self.cache()
        defer { try? FileManager.default.removeItem(at: cache.root) }
        let payloads = (0..<8).map { Data(String(repeating: "payload \($0) ", count: 2_000).utf8) }
        try cache.write(payloads[0], "figures", "0123ab", "png")
        let misses = Locked(0)
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            for _ in 0..<150 {
                if worker % 2 == 0 {
                    do { try cache.write(payloads[worker / 2], "figures", "0123ab", "png") } catch { failures.update { $0 += 1 } }
                } else if let data = cache.read("figures", "0123ab", "png") {
                    if !payloads.contains(data) { misses.update { $0 += 1 } }
                } else {
                    misses.update { $0 += 1 }
                }
            }
        }
        #expect(misses.get() == 0)
        #expect(failures.get() == 0)
    }

    /// The attack itself: instructor and student builds of one book into different outputs,
    /// sharing one cache, started together on an empty cache; both succeed, and the figures
    /// equal those of a build alone.
    @Test func instructorAndStudentBuildsShareOneCache() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let student = book.root.appendingPathComponent("Student")
        for _ in 0..<2 {
            try? FileManager.default.removeItem(at: book.cache)
            let errors = Locked<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                do {
                    if index == 0 { try book.build() } else { try book.build(edition: .student, output: student) }
                } catch {
                    errors.update { $0.append("\(error)") }
                }
            }
            #expect(errors.get() == [])
        }
        let shared = try FixtureBook.tree(book.output.appendingPathComponent("figures"))
        try FileManager.default.removeItem(at: book.cache)
        try book.build()
        #expect(try FixtureBook.tree(book.output.appendingPathComponent("figures")) == shared)
    }
}
