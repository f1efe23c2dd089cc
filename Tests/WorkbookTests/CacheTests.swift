import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// The two-stage cache: prose edits retrain nothing, setting changes retrain exactly what
/// they touch, damaged entries are recomputed.
@Suite("Cache", .serialized)
struct CacheTests {
    @Test func aSecondBuildTrainsAndRendersNothing() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let first = try book.build()
        #expect(first.trainedExperiments == 3 && first.cachedExperiments == 0)
        let second = try book.build()
        #expect(second.trainedExperiments == 0 && second.cachedExperiments == 3)
        #expect(second.renderedFigures == 0)
        #expect(second.summaryLine.contains("trained 0") && second.summaryLine.contains("cached 3"))
    }

    @Test func editingProseOrACaptionRetrainsNothing() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        try book.edit("01-gauss.md") {
            $0.replacingOccurrences(of: "## Linear data", with: "## Linearly separable data\n\nA new paragraph.")
                .replacingOccurrences(of: "caption: Gaussian data", with: "caption: The Gaussian data")
        }
        let report = try book.build()
        #expect(report.trainedExperiments == 0)
        #expect(report.renderedFigures == 0)
        #expect(try book.page("01-gauss.html").contains("A new paragraph."))
        #expect(try book.page("01-gauss.html").contains("The Gaussian data"))
    }

    @Test func changingASettingRetrainsOnlyItsExperiment() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        try book.edit("02-xor.md") { $0.replacingOccurrences(of: "learning-rate: 0.01\n", with: "learning-rate: 0.02\n") }
        let report = try book.build()
        #expect(report.trainedExperiments == 1)
        #expect(report.trainedRuns == 3)
        #expect(report.cachedExperiments == 2)
        // Only the figure drawn from those runs is redrawn.
        #expect(report.renderedFigures == 1)
    }

    @Test func aFigureOptionRedrawsWithoutRetraining() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        try book.edit("02-xor.md") { $0.replacingOccurrences(of: "show: [loss]", with: "show: [loss]\nlog-scale: true") }
        let report = try book.build()
        #expect(report.trainedExperiments == 0)
        #expect(report.renderedFigures == 1)
    }

    @Test func aDamagedEntryIsRecomputedNotTrusted() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        // Truncate one run result and one figure in the cache.
        let files = try FixtureBook.tree(book.cache).keys.sorted()
        let run = try #require(files.first { $0.hasPrefix("/runs/") && $0.hasSuffix("." + RunStore.fullExtension) })
        let figure = try #require(files.first { $0.hasPrefix("/figures/") && $0.hasSuffix(".png") })
        try Data("{\"broken\":".utf8).write(to: book.cache.appendingPathComponent(String(run.dropFirst())))
        try Data([0x89, 0x50]).write(to: book.cache.appendingPathComponent(String(figure.dropFirst())))
        let report = try book.build()
        #expect(report.trainedRuns == 1)
        #expect(report.renderedFigures >= 1)
        // The output has an intact PNG again.
        let pngs = try FixtureBook.tree(book.output.appendingPathComponent("figures")).filter { $0.key.hasSuffix(".png") }
        #expect(pngs.values.allSatisfy { $0.count > 1000 })
    }
}
