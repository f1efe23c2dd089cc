import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A build writes only what changed (``OutputWriter``): unchanged files keep their inode and
/// modification time, and the all-or-nothing swap still leaves the old or the new `Output/`
/// whenever the build is killed.
@Suite("Writing only what changed", .serialized)
struct IncrementalOutputTests {
    /// Every file under `folder`, dotfiles included: relative path → inode and modification time.
    static func identities(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        let base = folder.standardizedFileURL.path
        for path in FileManager.default.subpaths(atPath: base) ?? [] {
            var info = stat()
            guard lstat(base + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            result[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return result
    }

    @Test func aNoOpBuildChangesNoFilesInodeOrModificationTime() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        try Data().write(to: book.output.appendingPathComponent(".gitkeep"))
        try book.build()
        let before = Self.identities(book.output)
        #expect(before.count > 20)
        #expect(before.keys.contains(".gitkeep"))
        let report = try book.build()
        #expect(Self.identities(book.output) == before)
        #expect(report.writtenFiles == 0)
        #expect(report.unchangedFiles == before.count - 1)  // .gitkeep is the project's, not the build's
    }

    @Test func aProseEditWritesOnlyThePagesThatShowItAndEqualsACleanBuild() throws {
        let book = try FixtureBook("basic")
        let clean = try FixtureBook("basic")
        defer { book.remove(); clean.remove() }
        try book.build()
        let before = Self.identities(book.output)
        let edit = { (text: String) in text.replacingOccurrences(of: "averaged. Costs", with: "averaged over the batch. Costs") }
        try book.edit("01-gauss.md", edit)
        let report = try book.build()
        let after = Self.identities(book.output)
        let written = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(written == ["01-gauss.html", "handout.html", "search-index.js"])
        #expect(report.writtenFiles == written.count)
        // Byte for byte what a build from nothing writes.
        try clean.edit("01-gauss.md", edit)
        try clean.build()
        #expect(try FixtureBook.tree(book.output) == FixtureBook.tree(clean.output))
    }

    @Test func aFileEditedByHandInOutputIsWrittenAgain() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let good = try FixtureBook.tree(book.output)
        let page = book.output.appendingPathComponent("02-xor.html")
        try Data("tampered".utf8).write(to: page)
        // A symlink where a figure was is replaced by a file, never followed or kept.
        let figure = try #require(FileManager.default.subpaths(atPath: book.output.appendingPathComponent("figures").path)?.sorted().first)
        let figureURL = book.output.appendingPathComponent("figures").appendingPathComponent(figure)
        let outside = book.root.appendingPathComponent("outside.png")
        try FileManager.default.moveItem(at: figureURL, to: outside)
        try FileManager.default.createSymbolicLink(at: figureURL, withDestinationURL: outside)
        try book.build()
        #expect(try FixtureBook.tree(book.output) == good)
        #expect(OutputWriter.regularFileSize(figureURL.path) != nil)
    }

    /// The swap stopped where a kill could stop it: with the new tree staged (its unchanged
    /// files linked to the published ones), and between the two renames.
    @Test(arguments: [OutputTransaction.Step.stagingComplete, .movedAside])
    func aKillDuringTheSwapLeavesTheOldOutputOrTheNew(step: OutputTransaction.Step) throws {
        let book = try FixtureBook("basic")
        let newer = try FixtureBook("basic")
        defer { book.remove(); newer.remove() }
        let edit = { (text: String) in text.replacingOccurrences(of: "## Linear data", with: "## Linear data\n\nA new paragraph.") }
        try book.build()
        try newer.edit("01-gauss.md", edit)
        try newer.build()
        let old = try FixtureBook.tree(book.output)
        let new = try FixtureBook.tree(newer.output)
        #expect(old != new)

        // Stage the new tree as a build does, through the writer, and stop.
        let transaction = try OutputTransaction(destination: book.output)
        for (path, bytes) in new.sorted(by: { $0.key < $1.key }) {
            let url = transaction.staging.appendingPathComponent(String(path.dropFirst()))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try transaction.writer.write(bytes, to: url)
        }
        #expect(transaction.writer.counts.reused > 0)
        try transaction.commit(interruptedAfter: step)

        // What a reader or the next build finds: the old tree, untouched by the linking.
        _ = OutputTransaction.recover(destination: book.output)
        #expect(try FixtureBook.tree(book.output) == old)
        // And the next build equals a clean one.
        try book.edit("01-gauss.md", edit)
        try book.build()
        #expect(try FixtureBook.tree(book.output) == new)
    }

    /// `labbook build` killed with SIGKILL at moments spread over its run, sources flipping
    /// between two versions: `Output/`, once the next build's first step has recovered it, is
    /// always exactly one of the two trees.
    @Test func killingARealBuildAtAnyMomentLeavesOneWholeTree() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let original = try String(contentsOf: book.chapters.appendingPathComponent("01-gauss.md"), encoding: .utf8)
        let edited = original.replacingOccurrences(of: "## Linear data", with: "## Linear data\n\nAnother paragraph.")
        func use(_ text: String) throws { try Data(text.utf8).write(to: book.chapters.appendingPathComponent("01-gauss.md")) }
        try use(edited)
        try book.build()
        let b = try FixtureBook.tree(book.output)
        try use(original)
        let started = Date()
        try book.build()
        let duration = Date().timeIntervalSince(started)
        let a = try FixtureBook.tree(book.output)
        for attempt in 0..<8 {
            try use(attempt % 2 == 0 ? edited : original)
            let process = Process()
            process.executableURL = Labbook.executable
            process.arguments = ["build", "--jobs", "1"]
            process.currentDirectoryURL = book.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // From early in the run to about its end (the swap is at the very end).
            Thread.sleep(forTimeInterval: duration * Double(attempt + 1) / 7)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = OutputTransaction.recover(destination: book.output)
            let tree = try FixtureBook.tree(book.output)
            #expect(tree == a || tree == b, "attempt \(attempt): a mix of two builds")
        }
    }
}
