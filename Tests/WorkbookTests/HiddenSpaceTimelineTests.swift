import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// `hidden-space` with `snapshots:`: the data where two neurons put it at each snapshot epoch,
/// on one pair of axes, with the epoch slider on screen; and a sweep's panels on common axes
/// among combinations of one activation.
@Suite("Hidden space over time")
struct HiddenSpaceTimelineTests {
    /// Each snapshot panel places every training point at the two neurons' outputs of the
    /// network at that epoch — the trainer's own snapshots, recorded again here — and all the
    /// panels share one domain that holds every point; the page carries a slider whose frames
    /// are files of the build, and the alt text counts points on their side at each epoch.
    @Test func coordinatesAtEachSnapshotAreTheTrainersActivations() throws {
        let book = try FixtureBook("inside-time")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.hiddenSpace, of: "space-time", in: book)
        let described = try #require(remade.figure as? DescribedFigure)
        let timeline = try #require(described.figure as? SmallMultiples)
        let charts = try timeline.panels.map { try #require($0.figure as? HiddenSpaceChart) }
        let job = remade.panels[0].jobs[0]
        let c = job.configuration
        let recorded = Trainer(configuration: c).run(
            seed: job.seed, reset: job.reset, recording: SnapshotRecording(epochs: [0, 10, 40], everyEpochParameters: false))
        #expect(recorded.snapshots.map(\.epoch) == [0, 10, 40])
        #expect(charts.count == 3)
        let train = c.makeData(seed: job.seed).0.train
        for (chart, snapshot) in zip(charts, recorded.snapshots) {
            #expect(chart.plane.points.count == train.count)
            for (point, example) in zip(chart.plane.points, train) {
                let a1 = NeuronComputation(
                    configuration: c, parameters: snapshot.parameters, layer: 1, index: 0, x1: example.x, x2: example.y
                ).a
                let a2 = NeuronComputation(
                    configuration: c, parameters: snapshot.parameters, layer: 1, index: 1, x1: example.x, x2: example.y
                ).a
                #expect(point.x == a1 && point.y == a2, "epoch \(snapshot.epoch)")
            }
            #expect(chart.plane.domain == charts[0].plane.domain, "one pair of axes for every snapshot")
            #expect(chart.plane.points.allSatisfy { chart.plane.domain.contains($0.x) && chart.plane.domain.contains($0.y) })
        }
        #expect(Set(charts.map { $0.plane.points.map(\.x) }).count == 3, "the points move between snapshots")
        #expect(timeline.panels.map { $0.title ?? "" } == recorded.snapshots.map(TimelineFigures.title))
        #expect(described.label.hasPrefix("at epoch 40, ") && described.label.contains("at epoch 0"))

        let page = try book.page("01-over-time.html")
        #expect(page.contains("lb-epoch-slider"))
        #expect(page.contains("training points placed by neurons 1.1 and 1.2 lie on their class&#39;s side"))
        for epoch in [0, 10, 40] {
            let frame = "space-time-hidden-space-epoch-\(epoch).png"
            #expect(page.contains(frame))
            #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("figures/" + frame).path))
        }
        #expect(page.contains("The data in hidden space of “XOR placed by two tanh neurons as training goes on” at epoch 10"))
        for format in ["png", "svg", "pdf"] {
            #expect(
                FileManager.default.fileExists(atPath: book.output.appendingPathComponent("figures/space-time-hidden-space.\(format)").path)
            )
        }
    }

    /// A slider frame is drawn on the timeline's axes: the same domain and points as the
    /// timeline's panel of that epoch.
    @Test func aSliderFrameIsItsTimelinePanel() throws {
        let book = try FixtureBook("inside-time")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.hiddenSpace, of: "space-time", in: book)
        let timeline = try #require((remade.figure as? DescribedFigure)?.figure as? SmallMultiples)
        let frame = try HiddenSpaceFigure(
            panels: remade.panels, display: remade.spec.display, store: remade.store, recordings: RunEvaluations()
        )
        .frame(epoch: 10, combination: nil)
        let chart = try #require(frame.figure as? HiddenSpaceChart)
        let panel = try #require(timeline.panels[1].figure as? HiddenSpaceChart)
        #expect(chart.plane.domain == panel.plane.domain)
        #expect(chart.plane.points == panel.plane.points)
        #expect(frame.label.hasPrefix("epoch 10: training loss"))
    }

    /// A sweep's timeline: one row per combination, every panel of one activation on one pair
    /// of axes; each combination's slider frames are files of the build, drawn on those axes.
    @Test func aSweepsFramesShareTheTimelinesAxes() throws {
        let book = try FixtureBook("inside-time")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.hiddenSpace, of: "space-sweep-time", in: book)
        let timeline = try #require((remade.figure as? DescribedFigure)?.figure as? SmallMultiples)
        let charts = try timeline.panels.map { try #require($0.figure as? HiddenSpaceChart) }
        #expect(charts.count == 4, "2 combinations × snapshots 0 and 10")
        #expect(Set(charts.map { "\($0.plane.domain)" }).count == 1, "one activation: one pair of axes")
        let figure = HiddenSpaceFigure(
            panels: remade.panels, display: remade.spec.display, store: remade.store, recordings: RunEvaluations())
        let frame = try #require(try figure.frame(epoch: 10, combination: 1).figure as? HiddenSpaceChart)
        #expect(frame.plane.domain == charts[3].plane.domain && frame.plane.points == charts[3].plane.points)
        for name in ["c1-epoch-0", "c1-epoch-10", "c2-epoch-0", "c2-epoch-10"] {
            #expect(
                FileManager.default.fileExists(
                    atPath: book.output.appendingPathComponent("figures/space-sweep-time-hidden-space-\(name).png").path))
        }
        #expect(try book.page("01-over-time.html").contains("Epoch of the 2 hidden spaces"))
    }

    /// A sweep over activation and learning rate: the two tanh panels share their axes, the two
    /// ReLU panels share theirs, and tanh's and ReLU's differ (README: different ranges); with
    /// `axes: independent` every panel fits itself.
    @Test func sweepPanelsShareAxesWithinAnActivation() throws {
        let book = try FixtureBook("inside-time")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.hiddenSpace, of: "space-sweep", in: book)
        let grid = try #require((remade.figure as? DescribedFigure)?.figure as? SmallMultiples)
        let charts = try grid.panels.map { try #require($0.figure as? HiddenSpaceChart) }
        #expect(remade.panels.map(\.settings.configuration.activation) == [.tanh, .tanh, .relu, .relu])
        let domains = charts.map(\.plane.domain)
        #expect(domains[0] == domains[1] && domains[2] == domains[3])
        #expect(domains[0] != domains[2])
        for chart in charts {
            #expect(chart.plane.points.allSatisfy { chart.plane.domain.contains($0.x) && chart.plane.domain.contains($0.y) })
        }
        var independent = remade.spec.display
        independent.sharedAxes = false
        let own = try HiddenSpaceFigure(panels: remade.panels, display: independent, store: remade.store, recordings: RunEvaluations())
            .make()
        let ownDomains = try #require(own.figure as? SmallMultiples).panels.compactMap { ($0.figure as? HiddenSpaceChart)?.plane.domain }
        #expect(Set(ownDomains.map { "\($0)" }).count == 4, "each panel fits itself: \(ownDomains)")
    }
}
