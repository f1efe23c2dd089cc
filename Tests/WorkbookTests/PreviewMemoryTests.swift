import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `labbook serve` remembers between its builds (``OutputMemory``, ``CheckedFiles``)
/// spares reading files again, and never hides a change: a file rewritten in place with its
/// old size and its old modification time put back is still noticed, because its change time
/// moved.
@Suite("What the preview remembers between builds", .serialized)
struct PreviewMemoryTests {
    /// Options as `serve` builds with them: one memory kept from build to build.
    static func remembering(_ book: FixtureBook, byteBudget: Int = 256 << 20) -> BuildOptions {
        var options = book.options
        options.outputMemory = OutputMemory(byteBudget: byteBudget)
        options.checkedCacheFiles = CheckedFiles()
        options.runMemory = RunMemory()
        return options
    }

    /// Overwrites `url` in place (the same inode) with bytes of the same length, then puts its
    /// modification time back, as only a deliberate `touch -d` would; checks that it did.
    static func forge(_ url: URL, _ change: (inout [UInt8]) -> Void) throws {
        var info = stat()
        #expect(stat(url.path, &info) == 0)
        var bytes = [UInt8](try Data(contentsOf: url))
        let original = bytes
        change(&bytes)
        #expect(bytes != original && bytes.count == original.count)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(url.path, &after) == 0)
        #expect(after.st_ino == info.st_ino && after.st_size == info.st_size)
        #expect(after.st_mtim.tv_sec == info.st_mtim.tv_sec && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
    }

    /// Also with a memory that keeps only 4 KB of written bytes (a roster's hundreds of sites
    /// would not fit in the default 256 MB): the files past it are compared by reading them.
    @Test(arguments: [256 << 20, 4096])
    func aRebuildRecognisesUnchangedFilesFromMemoryAndEqualsACleanBuild(byteBudget: Int) throws {
        let book = try FixtureBook("basic")
        let clean = try FixtureBook("basic")
        defer { book.remove(); clean.remove() }
        let options = Self.remembering(book, byteBudget: byteBudget)
        try Builder(options: options).build()
        let noOp = try Builder(options: options).build()
        #expect(noOp.writtenFiles == 0)
        let edit = { (text: String) in text.replacingOccurrences(of: "averaged. Costs", with: "averaged over the batch. Costs") }
        try book.edit("01-gauss.md", edit)
        let report = try Builder(options: options).build()
        #expect(report.writtenFiles == 3)  // the page, the handout and the search index
        try clean.edit("01-gauss.md", edit)
        try clean.build()
        #expect(try FixtureBook.tree(book.output) == FixtureBook.tree(clean.output))
    }

    @Test func aPublishedPageForgedWithItsOldSizeAndTimeIsWrittenAgain() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let options = Self.remembering(book)
        try Builder(options: options).build()
        try Builder(options: options).build()
        let good = try FixtureBook.tree(book.output)
        try Self.forge(book.output.appendingPathComponent("02-xor.html")) { $0[$0.count / 2] ^= 0x20 }
        try Self.forge(
            book.output.appendingPathComponent("figures").appendingPathComponent(
                try #require(
                    FileManager.default.subpaths(atPath: book.output.appendingPathComponent("figures").path)?.sorted().first(where: {
                        $0.hasSuffix(".png")
                    })))
        ) { $0[$0.count - 20] ^= 0xff }
        let report = try Builder(options: options).build()
        #expect(report.writtenFiles == 2)
        #expect(try FixtureBook.tree(book.output) == good)
    }

    @Test func aCachedFigureForgedWithItsOldSizeAndTimeIsRenderedAgain() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let options = Self.remembering(book)
        try Builder(options: options).build()
        #expect(try Builder(options: options).build().renderedFigures == 0)
        let good = try FixtureBook.tree(book.output)
        let figure = try #require(
            try FixtureBook.tree(book.cache).keys.sorted().first { $0.hasPrefix("/figures/") && $0.hasSuffix(".png") })
        try Self.forge(book.cache.appendingPathComponent(String(figure.dropFirst()))) { $0[$0.count - 20] ^= 0xff }
        let report = try Builder(options: options).build()
        #expect(report.renderedFigures == 1)
        #expect(try FixtureBook.tree(book.output) == good)
    }
}
