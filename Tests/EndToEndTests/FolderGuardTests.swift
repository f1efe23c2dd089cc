import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 26, F1: no output or cache folder a user mistypes may cost them a file. Each test
/// runs the real `labbook` in a real book folder that sits beside a sibling file, and checks
/// that every file is still there, byte for byte, after the refusal.
@Suite("Output and cache folders that are not ours", .serialized)
struct FolderGuardTests {
    /// `parent/book/{Chapters, labbook.yml}` plus `parent/sibling.txt`.
    struct Layout {
        let book: FixtureBook
        var parent: URL { book.root.deletingLastPathComponent() }
        let sibling: URL

        init() throws {
            let wrapper = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-guard-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: wrapper, withIntermediateDirectories: true)
            let fixture = try FixtureBook("basic")
            let moved = wrapper.appendingPathComponent("book")
            try FileManager.default.moveItem(at: fixture.root, to: moved)
            book = FixtureBook(root: moved)
            sibling = wrapper.appendingPathComponent("sibling.txt")
            try Data("a sibling that must survive\n".utf8).write(to: sibling)
        }

        /// Every file under the parent folder, to show that nothing changed.
        func snapshot() throws -> [String: Data] { try FixtureBook.tree(parent) }
        func remove() { try? FileManager.default.removeItem(at: parent) }
    }

    @Test(arguments: [
        (["build", "--output", "."], "the book folder"),
        (["build", "--output", ".."], "the book folder"),
        (["build", "--output", "Chapters"], "the chapters folder"),
        (["build", "--output", "Chapters/site"], "the chapters folder"),
        (["clean", "--output", "."], "the book folder"),
        (["clean", "--output", ".."], "the book folder"),
        (["build", "--cache-dir", "."], "the book folder"),
        (["build", "--cache-dir", "Chapters"], "the chapters folder"),
        (["clean", "--cache", "--cache-dir", ".."], "the book folder"),
        (["build", "--output", ".labbook-cache"], "the cache"),
        (["build", "--output", "Output", "--cache-dir", "Output/cache"], "the cache"),
        (["check", "--output", "."], "the book folder"),
    ])
    func aFolderThatHoldsTheBookIsRefusedAndNothingIsLost(arguments: [String], says: String) throws {
        let layout = try Layout()
        defer { layout.remove() }
        let before = try layout.snapshot()
        let result = try Labbook.run(arguments, in: layout.book.root)
        #expect(result.status == 1, "\(arguments): \(result.error)")
        #expect(result.error.contains("refusing") && result.error.contains(says), "\(result.error)")
        #expect(try layout.snapshot() == before)
        #expect(FileManager.default.fileExists(atPath: layout.sibling.path))
    }

    @Test func aSymbolicLinkToTheBookIsSeenThrough() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try FileManager.default.createSymbolicLink(
            at: layout.book.root.appendingPathComponent("site"), withDestinationURL: layout.book.root)
        let before = try layout.snapshot()
        let result = try Labbook.run(["build", "--output", "site"], in: layout.book.root)
        #expect(result.status == 1)
        #expect(try layout.snapshot() == before)
    }

    @Test func aFolderOfTheUsersIsNeitherReplacedNorEmptied() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let data = layout.book.root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("x,y,label\n1,2,1\n".utf8).write(to: data.appendingPathComponent("points.csv"))
        let before = try layout.snapshot()
        for arguments in [["build", "--output", "data"], ["clean", "--output", "data"], ["clean", "--cache", "--cache-dir", "data"]] {
            let result = try Labbook.run(arguments, in: layout.book.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.error.contains("Labbook did not"), "\(result.error)")
        }
        #expect(try layout.snapshot() == before)
    }

    @Test func anOutputFolderLabbookWroteIsReplacedAndCleanedWithItsDotfilesKept() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let book = layout.book
        #expect(try Labbook.run(["build"], in: book.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent(FolderGuard.outputMarker).path))
        #expect(FileManager.default.fileExists(atPath: book.cache.appendingPathComponent("CACHEDIR.TAG").path))
        try Data().write(to: book.output.appendingPathComponent(".gitkeep"))
        #expect(try Labbook.run(["build"], in: book.root).status == 0)
        let clean = try Labbook.run(["clean", "--cache"], in: book.root)
        #expect(clean.status == 0, "\(clean.error)")
        let left = try FileManager.default.contentsOfDirectory(atPath: book.output.path).sorted()
        #expect(left == [".gitkeep", FolderGuard.outputMarker])
        #expect(!FileManager.default.fileExists(atPath: book.cache.path))
        #expect(FileManager.default.fileExists(atPath: layout.sibling.path))
    }

    @Test func anOutputFolderOfAnEarlierVersionWithoutMarkerIsStillRecognised() throws {
        let layout = try Layout()
        defer { layout.remove() }
        let book = layout.book
        try book.build()
        try FileManager.default.removeItem(at: book.output.appendingPathComponent(FolderGuard.outputMarker))
        try FolderGuard.checkOutputIsOurs(book.output)
        try Data("mine".utf8).write(to: book.output.appendingPathComponent("notes.txt"))
        #expect(throws: FileError.self) { try FolderGuard.checkOutputIsOurs(book.output) }
    }
}
