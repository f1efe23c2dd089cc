import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// `show: [backprop]` and `show: [neuron-maps]`: the numbers inside one network, the trainer's own.
@Suite("Backward pass and neuron maps")
struct BackpropFigureTests {
    /// The card works training example 2 through the run's initial network with the
    /// trainer's backward pass; its table prints each weight's value, gradient, step and new
    /// value from those numbers, and the new weights are those of the trainer's step on that
    /// example (two steps of batch size 1 from the start give the trainer's order).
    @Test func theCardPrintsTheTrainersStep() throws {
        let book = try FixtureBook("inside")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.backprop, of: "card-q", in: book)
        let described = try #require(remade.figure as? DescribedFigure)
        let chart = try #require(described.figure as? BackpropChart)
        let panel = remade.panels[0]
        let figure = BackpropFigure(panels: remade.panels, display: remade.spec.display, store: remade.store, recordings: RunEvaluations())
        let (pass, epoch, _) = try figure.pass(panel)
        let job = panel.jobs[0]
        let run = try remade.store.result(job)
        let c = job.configuration
        let train = c.makeData(seed: job.seed).0.train
        #expect(epoch == 0 && pass.parameters == run.initial)
        #expect(pass.x1 == train[1].x && pass.x2 == train[1].y && pass.label == train[1].label)
        // The trainer's second step starts from its first: the card's network is the initial one,
        // so its update is what the trainer does to example 2 when it is stepped on first.
        let trained = Network(configuration: c, parameters: run.initial).backwardPass(x1: train[1].x, x2: train[1].y, label: train[1].label)
        #expect(pass.updated == trained.updated)
        let links = NetworkParameters.linkCount(layerSizes: c.layerSizes)
        #expect(chart.rows.count == links + pass.biasGradients.count)
        for (k, row) in chart.rows.prefix(links).enumerated() {
            #expect(row[1] == BackpropChart.weightText(pass.parameters.weights[k]))
            #expect(row[2] == BackpropChart.valueText(pass.weightGradients[k]))
            #expect(row[3] == BackpropChart.valueText(-(c.learningRate * pass.weightGradients[k])))
            #expect(row[4] == BackpropChart.weightText(pass.updated.weights[k]))
        }
        let page = try book.page("03-inside.html")
        #expect(page.contains(HTMLEscaped("loss \(BackpropChart.valueText(pass.loss))")))
        let alt = try #require(
            page.components(separatedBy: "alt=\"").dropFirst().first { $0.hasPrefix("Backward pass") }?.components(separatedBy: "\"").first)
        #expect(alt.count <= 250, "\(alt.count): \(alt)")
        #expect(!alt.contains("card-q"), "the alt text does not name the experiment's ID")
    }

    /// One full-size map per hidden neuron, named as the network figure names it, whose values
    /// are the trainer's evaluation of that neuron over the plane.
    @Test func neuronMapsAreTheTrainersActivations() throws {
        let book = try FixtureBook("inside")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.neuronMaps, of: "maps", in: book)
        let described = try #require(remade.figure as? DescribedFigure)
        let grid = try #require(described.figure as? SmallMultiples)
        let maps = grid.panels.filter { $0.title != nil }
        #expect(maps.map(\.title) == ["neuron 1.1", "neuron 1.2", "neuron 1.3", "neuron 2.1", "neuron 2.2"])
        let job = remade.panels[0].jobs[0]
        let grids = Network(configuration: job.configuration, parameters: try remade.store.result(job).final).nodeGrids()
        for (k, panel) in maps.enumerated() {
            let chart = try #require(panel.figure as? BoundaryChart)
            #expect(chart.values == FigureFactory.columns(grids[2 + k]))
        }
        #expect(described.details?.contains("1.3 from") == true)
    }

    /// The example is required, in range, and a point needs its label.
    @Test func theExampleIsChecked() {
        let plan = HandSetWeightsTests.analyse(
            """
            ```{experiment} a
            hidden: [2]
            show: [backprop]
            ```

            ```{experiment} b
            hidden: [2]
            show: [backprop]
            example: 0
            ```

            ```{experiment} c
            hidden: [2]
            show: [backprop]
            point: [1, 2]
            ```

            """)
        #expect(plan.diagnostics.has(.missingKey, at: "Chapters/01-a.md:7:"))
        #expect(plan.diagnostics.has(.badValue, at: "Chapters/01-a.md:13:"))
        #expect(plan.diagnostics.has(.missingKey, at: "Chapters/01-a.md:19:"))
    }
}
