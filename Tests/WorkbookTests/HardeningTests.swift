import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// A careless or hostile chapter, a broken cache, a killed or concurrent build: the build
/// reports, recovers or refuses; it never crashes, escapes `Output/` or loses the last good one.
@Suite("Hardening", .serialized)
struct HardeningTests {
    static func book(_ files: [String: Data]) throws -> FixtureBook {
        let book = try FixtureBook("basic")
        for name in try FileManager.default.contentsOfDirectory(atPath: book.chapters.path) {
            try FileManager.default.removeItem(at: book.chapters.appendingPathComponent(name))
        }
        for (name, data) in files { try data.write(to: book.chapters.appendingPathComponent(name)) }
        return book
    }

    static func chapter(_ body: String) -> Data { Data(("---\ntitle: T\n---\n\n" + body).utf8) }

    @Test func aNonUTF8ChapterIsOneDiagnosticAmongTheOthers() throws {
        var latin1 = Data("---\ntitle: Café\n---\n\nna".utf8)
        latin1.append(0xEF)  // "ï" in Latin-1
        latin1.append(contentsOf: Array("ve\n".utf8))
        let book = try Self.book([
            "01-latin.md": latin1,
            "02-other.md": Self.chapter("```{experiment} x\nactivation: relux\n```\n"),
        ])
        defer { book.remove() }
        let failure = try #require(throws: BuildFailure.self) { try book.build() }
        #expect(failure.diagnostics.has(.notUTF8, at: "Chapters/01-latin.md:5:3"))
        #expect(failure.diagnostics.has(.badValue, at: "Chapters/02-other.md:6:13"))
    }

    @Test func aChapterFileNameThatAURLCannotCarryIsRefused() throws {
        let book = try Self.book(["01-a\"><svg onload=alert(1)>.md": Self.chapter("Hello\n")])
        defer { book.remove() }
        let failure = try #require(throws: BuildFailure.self) { try book.build() }
        #expect(failure.diagnostics.first?.id == .badFileName)
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
    }

    @Test func directiveIDsNeverLeaveOutput() throws {
        let book = try Self.book(["01-a.md": Self.chapter("```{dataset} ../../../X\n```\n\n```{activations} ../Y\n```\n")])
        defer { book.remove() }
        let failure = try #require(throws: BuildFailure.self) { try book.build() }
        #expect(failure.errorCount == 2)
        let parent = book.root.deletingLastPathComponent()
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("X-data.png").path))
    }

    /// `learning-rate: 1e308` drives the weights to ±infinity while the loss stays finite; the
    /// run used to fail the whole build when the cache could not encode them.
    @Test func infiniteWeightsAreCachedAndTheBuildGoesOn() throws {
        let book = try Self.book([
            "01-a.md": Self.chapter(
                "```{experiment} wild\nlearning-rate: 1e308\nepochs: 5\nuntil: test-loss <= 0.02\nseeds: 2\nshow: [boundary, loss, table]\n```\n\n{value}`wild.epochs`, {value}`wild.test-loss`.\n"
            )
        ])
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-a.html")
        #expect(page.contains("not reached in 5 epochs (none of the 2 seeds reached it)"))
        // And the runs come back from the cache.
        #expect(try book.build().trainedRuns == 0)
    }

    @Test func aBuildAboveTheTrainingBudgetIsRefusedBeforeTraining() throws {
        let book = try Self.book([
            "01-a.md": Self.chapter("```{experiment} huge\nhidden: [64, 64, 64]\nepochs: 1000000\nseeds: 100\n```\n")
        ])
        defer { book.remove() }
        let started = Date()
        let failure = try #require(throws: BuildFailure.self) { try book.build() }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(failure.diagnostics.first?.id == .tooMuchWork)
        #expect(failure.diagnostics.first?.line.hasPrefix("Chapters/01-a.md:5:1: error: experiment 'huge' would train for about") == true)
        #expect(failure.diagnostics.first?.line.contains("--max-training-minutes") == true)
        #expect(!FileManager.default.fileExists(atPath: book.cache.appendingPathComponent("runs").path))
    }

    @Test func anOutputLeftAsideByAKilledCommitIsRestored() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let before = try FixtureBook.tree(book.output)
        // A kill between the commit's two renames leaves this state.
        let aside = book.root.appendingPathComponent(".Output.old")
        try FileManager.default.moveItem(at: book.output, to: aside)
        let report = try book.build()
        #expect(report.notes.contains { $0.contains("restored Output/") })
        #expect(try FixtureBook.tree(book.output) == before)
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    @Test func twoBuildsOfOneBookAtOnceBothSucceed() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let statuses = Locked<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let status = (try? Labbook.run(["build"], in: book.root).status) ?? -1
            statuses.update { $0.append(status) }
        }
        #expect(statuses.get() == [0, 0])
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("index.html").path))
    }

    @Test func damageToTheCacheNeverChangesThePublishedFiguresAndIsRepaired() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let before = try FixtureBook.tree(book.output)
        // Damage every cached figure in place.
        let figures = book.cache.appendingPathComponent("figures")
        for case let url as URL in FileManager.default.enumerator(at: figures, includingPropertiesForKeys: nil)!
        where url.pathExtension == "png" {
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: Data("damage".utf8))
            try handle.close()
        }
        #expect(try FixtureBook.tree(book.output) == before)
        // A cache replaced by a file is cleared and rebuilt with a note, never a raw error.
        try FileManager.default.removeItem(at: book.cache)
        try Data("not a folder".utf8).write(to: book.cache)
        let report = try book.build()
        #expect(report.notes.contains { $0.contains("was not a folder") })
        #expect(try FixtureBook.tree(book.output) == before)
    }

    /// Same sources, other process, language, time zone and working folder: same bytes.
    @Test func buildsInTwoProcessesWithOtherLocalesAreByteIdentical() throws {
        let one = try FixtureBook("basic")
        let two = try FixtureBook("basic")
        defer { one.remove(); two.remove() }
        let a = try Labbook.run(
            ["build"], in: one.root, environment: ["LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8", "TZ": "Asia/Kolkata"])
        let b = try Labbook.run(
            ["build", "--chapters", two.chapters.path, "--output", two.output.path],
            in: FileManager.default.temporaryDirectory, environment: ["LANG": "C", "TZ": "America/Los_Angeles"])
        #expect(a.status == 0 && b.status == 0, "\(a.error)\n\(b.error)")
        let treeA = try FixtureBook.tree(one.output)
        let treeB = try FixtureBook.tree(two.output)
        #expect(treeA.keys.sorted() == treeB.keys.sorted())
        for (path, data) in treeA { #expect(treeB[path] == data, "\(path) differs") }
    }
}

/// Figures of one run share one evaluation of the network on the grid and one data set.
@Suite("Work once per run")
struct WorkOncePerRunTests {
    @Test func eachRunIsEvaluatedOnceForAllItsFigures() throws {
        let book = try HardeningTests.book([
            "01-a.md": HardeningTests.chapter(
                """
                ```{experiment} one
                dataset: xor
                epochs: 20
                show: [boundary, network, data]
                ```

                ```{experiment} two
                dataset: xor
                epochs: 20
                vary:
                  activation: [relu, sigmoid]
                show: [boundary, network, data, loss]
                ```
                """)
        ])
        defer { book.remove() }
        let report = try book.build()
        #expect(report.renderedFigures == 7)
        #expect(report.evaluatedRuns == 3)
        // A figure of a run another experiment also trained shares that evaluation too.

        // Through the cache: figures taken from it need no evaluation at all.
        let again = try book.build()
        #expect(again.renderedFigures == 0)
        #expect(again.evaluatedRuns == 0)
    }
}
