import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// The figures of training over time: which epochs, from which run, on which axes.
@Suite("Snapshots and timelines")
struct TimelineTests {
    @Test func eightLogSpacedSnapshotsRunFromTheUntrainedNetworkToTheLastEpoch() {
        let epochs = SnapshotSchedule.logSpaced(count: 8).epochs(lastEpoch: 500)
        #expect(epochs.count == 8)
        #expect(epochs.first == 0 && epochs.last == 500)
        #expect(epochs == epochs.sorted() && Set(epochs).count == epochs.count)
        // Log spacing: each gap at least as wide as the one before.
        let gaps = zip(epochs.dropFirst(2), epochs.dropFirst()).map { $0 - $1 }
        #expect(zip(gaps, gaps.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func finalIsTheLastEpochTheRunReached() {
        let schedule = SnapshotSchedule.epochs([0, 10, 100, 500], includesFinal: true)
        #expect(schedule.epochs(lastEpoch: 800) == [0, 10, 100, 500, 800])
        // A run stopped by its rule at 73: final is 73, epochs after it were never reached.
        #expect(schedule.epochs(lastEpoch: 73) == [0, 10, 73])
    }

    @Test func badSnapshotValuesAreReportedAtTheirLines() {
        let chapter = """
            ```{experiment} a
            epochs: 100
            snapshots: [0, 10, 200, later]
            ```

            ```{experiment} b
            snapshots: 40
            ```

            ```{experiment} c
            snapshots: [5, 5]
            ```
            """
        let plan = BookLoader.analyse(sources: [("01-x.md", "Chapters/01-x.md", chapter)])
        let errors = plan.diagnostics.filter { $0.severity == .error }.map(\.line)
        #expect(plan.diagnostics.count { $0.id == .badValue && $0.location?.line == 3 } == 2)
        #expect(errors.contains { $0.contains("'200' is not an epoch") && $0.contains("0 (untrained) to 100") })
        #expect(plan.diagnostics.has(.badValue, at: "Chapters/01-x.md:7:"))
        #expect(plan.diagnostics.has(.duplicateValue, at: "Chapters/01-x.md:11:"))
        #expect(errors.count == 4, "\(errors)")
    }

    @Test func aFixtureBuildDrawsTheTimelinesOfTheRepresentativeRunOnCommonAxes() throws {
        let book = try FixtureBook("timelines")
        defer { book.remove() }
        try book.build()
        let figures = book.output.appendingPathComponent("figures")
        for stem in ["xor-time-boundary-timeline", "xor-time-network-timeline", "xor-time-weights", "act-time-boundary-timeline"] {
            for ext in ["png", "svg", "pdf"] {
                #expect(FileManager.default.fileExists(atPath: figures.appendingPathComponent("\(stem).\(ext)").path), "\(stem).\(ext)")
            }
        }
        let page = try book.page("01-over-time.html")
        #expect(page.contains("at epochs 0, 1, 2, 5, 11, 24, 54, 120"))

        for id in ["xor-time", "act-time"] {
            let remade = try RemadeFigure(.boundaryTimeline, of: id, in: book)
            let (spec, store, results, panels) = (remade.spec, remade.store, remade.results, remade.panels)
            let grid = try #require(remade.figure as? SmallMultiples)
            let charts = grid.panels.compactMap { $0.figure as? BoundaryChart }
            let epochs = spec.display.snapshots.epochs(lastEpoch: results[0].representative.epochsRun)
            #expect(charts.count == epochs.count * panels.count)
            // Common axes: one domain, one plot rectangle size in every panel.
            #expect(Set(charts.map(\.domain)).count == 1)
            #expect(Set(charts.map { "\($0.size)" }).count == 1)
            // Each panel's title gives its epoch and the losses of the stored run at that epoch.
            let run = try store.result(panels[0].jobs[results[0].representativeIndex])
            for (epoch, panel) in zip(epochs, grid.panels) {
                let expected =
                    "epoch \(epoch) · train \(ValueFormatting.loss(run.trainLoss[epoch])) · test \(ValueFormatting.loss(run.testLoss[epoch]))"
                #expect(panel.title == expected)
            }
        }
    }
}
