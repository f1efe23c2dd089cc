import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 26, F2: a chapter or `labbook.yml` that is a symbolic link out of the book (Git keeps
/// links, so a cloned course can hold one) is not read, and the error names the link and its
/// target; a link that stays inside the book is read as before.
@Suite("Files stay inside the book")
struct BookContainmentTests {
    static let secret = "SECRET-OUTSIDE-THE-BOOK"

    /// A book and, beside it, a folder holding a file the book must not read.
    static func book() throws -> (book: FixtureBook, outside: URL) {
        let book = try FixtureBook("basic")
        let outside = book.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("---\ntitle: \(secret)\n---\n\n\(secret)\n".utf8).write(to: outside.appendingPathComponent("notes.txt"))
        try Data("title: \(secret)\n".utf8).write(to: outside.appendingPathComponent("labbook.yml"))
        return (book, outside)
    }

    @Test func aChapterLinkedOutsideTheBookIsAnErrorNamingItsTarget() throws {
        let (book, outside) = try Self.book()
        defer { book.remove(); try? FileManager.default.removeItem(at: outside) }
        // Relative, as a cloned repository would hold it.
        let target = "../../\(outside.lastPathComponent)/notes.txt"
        try FileManager.default.createSymbolicLink(
            atPath: book.chapters.appendingPathComponent("02-notes.md").path, withDestinationPath: target)
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(
            error.description.hasPrefix(
                "Chapters/02-notes.md:1:1: error: the chapter is not read: it is a symbolic link to \(target), really "))
        #expect(error.message.contains("outside the book folder"))
        #expect(!plan.chapters.contains { $0.displayPath == "Chapters/02-notes.md" })
        #expect(!plan.chapters.contains { $0.title.contains(Self.secret) })
    }

    @Test func anAbsoluteLinkToASystemFileIsRefusedToo() throws {
        let (book, outside) = try Self.book()
        defer { book.remove(); try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(
            atPath: book.chapters.appendingPathComponent("02-host.md").path, withDestinationPath: "/etc/hostname")
        let failure = try #require(throws: BuildFailure.self) { try book.build() }
        #expect(
            failure.diagnostics.contains {
                $0.description.hasPrefix("Chapters/02-host.md:1:1: error: the chapter is not read: it is a symbolic link to /etc/hostname")
            })
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
    }

    @Test func settingsLinkedOutsideTheBookAreRefused() throws {
        let (book, outside) = try Self.book()
        defer { book.remove(); try? FileManager.default.removeItem(at: outside) }
        let settings = book.root.appendingPathComponent("labbook.yml")
        try? FileManager.default.removeItem(at: settings)
        try FileManager.default.createSymbolicLink(
            atPath: settings.path, withDestinationPath: outside.appendingPathComponent("labbook.yml").path)
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        let error = try #require(plan.diagnostics.first { $0.severity == .error })
        #expect(
            error.description.hasPrefix(
                "labbook.yml:1:1: error: labbook.yml is not read: it is a symbolic link to \(outside.path)/labbook.yml"))
        #expect(plan.settings.title != Self.secret)
    }

    @Test func aLinkThatStaysInsideTheBookIsRead() throws {
        let (book, outside) = try Self.book()
        defer { book.remove(); try? FileManager.default.removeItem(at: outside) }
        try Data("---\ntitle: Shared notes\n---\n\nHello.\n".utf8).write(to: book.root.appendingPathComponent("shared.md"))
        try FileManager.default.createSymbolicLink(
            atPath: book.chapters.appendingPathComponent("09-shared.md").path, withDestinationPath: "../shared.md")
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        #expect(plan.diagnostics.filter { $0.severity == .error }.isEmpty, "\(plan.diagnostics)")
        #expect(plan.chapters.contains { $0.title == "Shared notes" })
    }
}
