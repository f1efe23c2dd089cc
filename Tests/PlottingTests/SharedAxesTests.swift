import CairoRendering
import Plotting
import Testing

/// Issue 9 item 3: the panels of one comparison share their axes unless the author says not to.
@Suite struct SharedAxesTests {
    let metrics = sharedRenderer.fontMetrics

    @Test func lossPanelsGetOneEpochRangeAndOneLossRange() {
        let own = SampleFigures.lossPanels()
        let ownRanges = Set(own.map { $0.geometry(measuring: metrics).xScale.upper })
        #expect(ownRanges.count > 1, "the sample panels must differ on their own: \(ownRanges)")
        let shared = own.sharingAxes()
        let scales = shared.map { $0.geometry(measuring: metrics) }
        #expect(Set(scales.map(\.xScale)).count == 1)
        #expect(Set(scales.map(\.yScale)).count == 1)
        let longest = own.flatMap { $0.runs.compactMap { $0.test?.epochs.last } }.max()!
        #expect(scales[0].xScale.upper >= longest)
    }

    @Test func logarithmicPanelsShareWholeDecades() {
        let shared = SampleFigures.lossPanels().map {
            var c = $0; c.logarithmic = true; return c
        }.sharingAxes()
        let scales = Set(shared.map { $0.geometry(measuring: metrics).yScale })
        #expect(scales.count == 1)
        let scale = scales.first!
        #expect(scale.kind == .logarithmic && scale.lower > 0)
        let lowest = shared.flatMap { $0.runs.flatMap { $0.training!.values + $0.test!.values } }.min()!
        #expect(scale.lower <= lowest)
    }

    @Test func independentAxesAreKeptWhenSharingIsNotAsked() {
        let panels = SampleFigures.lossPanels()
        let onlyX = panels.sharingAxes(x: true, y: false)
        #expect(Set(onlyX.map { $0.geometry(measuring: metrics).xScale }).count == 1)
        #expect(onlyX.allSatisfy { $0.yDomain == nil })
    }

    @Test func smallMultiplesShareAxesPerChartKindAndBoundariesShareThePlane() {
        var panels = SampleFigures.lossPanels().map { SmallMultiples.Panel(title: $0.title, figure: $0) }
        panels += [SampleFigures.boundary(title: nil), SampleFigures.boundary(title: nil)].map { .init(figure: $0) }
        let grid = SmallMultiples(panels: panels, columns: 3, panelSize: Size(width: 230, height: 200)).sharingAxes()
        let loss = grid.panels.compactMap { $0.figure as? LossChart }
        #expect(loss.count == 4)
        #expect(Set(loss.map(\.xDomain)).count == 1 && loss[0].xDomain != nil)
        let planes = grid.panels.compactMap { $0.figure as? BoundaryChart }.map {
            $0.geometry(measuring: metrics).xScale
        }
        #expect(planes.count == 2 && Set(planes).count == 1 && planes[0].lower == -6 && planes[0].upper == 6)
    }

    @Test func overlayAndResultChartsShareToo() {
        let overlays = [
            SampleFigures.overlay(),
            {
                var o = SampleFigures.overlay(); o.series.removeLast(2); return o
            }(),
        ]
        .sharingAxes()
        #expect(Set(overlays.map { $0.geometry(measuring: metrics).yScale }).count == 1)
        var second = SampleFigures.resultNumeric()
        second.series[0].results[3].median = 4000
        second.series[0].results[3].range = 3000...5000
        let results = [SampleFigures.resultNumeric(), second].sharingAxes()
        #expect(Set(results.map { $0.geometry(measuring: metrics).yScale }).count == 1)
        #expect(results[0].geometry(measuring: metrics).yScale.upper >= 5000)
    }

    /// Weight trajectories of a run that stopped early and one that ran on: one epoch axis
    /// (the longer run's) and one value axis covering both, so positions compare.
    @Test func weightPanelsGetOneEpochRangeAndOneValueRange() {
        let short = TrajectoryChart(
            lines: [.init(values: (0...184).map { -Double($0) / 100 }, group: 0)], groupLabels: ["into the output"])
        let long = TrajectoryChart(
            lines: [.init(values: (0...3000).map { 2.4 * Double($0) / 3000 }, group: 0)], groupLabels: ["into the output"])
        #expect(short.scales.x.upper < long.scales.x.upper, "the samples must differ on their own")
        let shared = TrajectoryChart.sharingAxes([short, long])
        let xs = Set(shared.map(\.scales.x)), ys = Set(shared.map(\.scales.y))
        #expect(xs.count == 1 && ys.count == 1)
        #expect(xs.first!.upper >= 3000)
        #expect(ys.first!.lower <= -1.84 && ys.first!.upper >= 2.4)
        // Their own axes again when the author asks for independent axes: nothing shared is set.
        #expect(short.lastEpochShown == nil && short.valueRange == nil)
    }
}
