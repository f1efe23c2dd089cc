import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// `show: [hidden-space]`: the data where two hidden neurons put it.
@Suite("Hidden space")
struct HiddenSpaceTests {
    /// Each point's coordinates are the two neurons' outputs for that training point, bit for
    /// bit as the forward pass computes them (`NeuronComputation`, the neuron card's own
    /// arithmetic); the grid lines are the input plane's 7 + 7; the background is the output
    /// over the plane of a two-neuron layer.
    @Test func coordinatesAreTheTrainersActivations() throws {
        let book = try FixtureBook("inside")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.hiddenSpace, of: "space", in: book)
        let described = try #require(remade.figure as? DescribedFigure)
        let chart = try #require(described.figure as? HiddenSpaceChart)
        let job = remade.panels[0].jobs[0]
        let c = job.configuration
        let run = try remade.store.result(job)
        let train = c.makeData(seed: job.seed).0.train
        #expect(chart.plane.points.count == train.count)
        for (point, example) in zip(chart.plane.points, train) {
            let a1 = NeuronComputation(configuration: c, parameters: run.final, layer: 1, index: 0, x1: example.x, x2: example.y).a
            let a2 = NeuronComputation(configuration: c, parameters: run.final, layer: 1, index: 1, x1: example.x, x2: example.y).a
            #expect(point.x == a1 && point.y == a2 && point.value == example.label)
        }
        #expect(chart.gridLines.count == 14)
        #expect(Set(chart.plane.values.flatMap { $0 }).count > 2, "the output over a two-neuron layer's plane")
        #expect(described.label.contains("\(train.count) training points placed by neurons 1.1"))
    }

    @Test func theNeuronsAreChecked() {
        let plan = HandSetWeightsTests.analyse(
            """
            ```{experiment} a
            hidden: [2, 2]
            neurons: [1.1, 2.1]
            show: [hidden-space]
            ```

            ```{experiment} b
            hidden: [3]
            neurons: [1.1, 1.2]
            ```

            """)
        #expect(plan.diagnostics.has(.badValue, at: "Chapters/01-a.md:7:"))
        #expect(plan.diagnostics.has(.figureNotShown, at: "Chapters/01-a.md:13:"))
    }
}
