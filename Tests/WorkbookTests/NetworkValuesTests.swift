import CairoRendering
import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Plotting
import Testing

@testable import Workbook

/// The numbers inside a network: weights on links, and one neuron worked through.
@Suite("Numbers inside the network")
struct NetworkValuesTests {
    /// Reads a number as the figure prints it (typographic minus).
    static func parse(_ text: String) throws -> Double {
        try #require(Double(text.replacingOccurrences(of: NumberFormatting.minusSign, with: "-")), "not a number: \(text)")
    }

    /// The figure's printed products and bias add up to its printed z, to the printed precision
    /// (each printed number is within half a thousandth of the true one), and its printed a is
    /// the activation of z; z and a are the trainer's own values for that neuron and point.
    @Test func theNeuronFiguresPrintedNumbersAddUp() throws {
        let book = try FixtureBook("network-values")
        defer { book.remove() }
        try book.build()
        for id in ["small", "out"] {
            let remade = try RemadeFigure(.neuron, of: id, in: book)
            let (spec, store, results, panels) = (remade.spec, remade.store, remade.results, remade.panels)
            let described = try #require(remade.figure as? DescribedFigure)
            let chart = try #require(described.figure as? NeuronChart)
            let printed = chart.printed
            let neuron = try #require(spec.neuron)
            #expect(printed.inputs.count == spec.base.configuration.layerSizes[neuron.layer - 1])

            // Each printed product is the printed input times the printed weight, to the precision.
            let half = 0.0005
            for row in printed.inputs {
                let product = try Self.parse(row.value) * Self.parse(row.weight)
                #expect(
                    abs(product - (try Self.parse(row.product))) <= half
                        * (abs(try Self.parse(row.value)) + abs(try Self.parse(row.weight)) + 1) + half)
            }
            // Σ products + b = z within the rounding of every term.
            let sum = try printed.inputs.map { try Self.parse($0.product) }.reduce(0, +) + Self.parse(printed.bias)
            let tolerance = half * Double(printed.inputs.count + 2)
            #expect(abs(sum - (try Self.parse(printed.z))) <= tolerance, "\(id): \(sum) vs \(printed.z)")
            // a = σ(z): the printed a is the activation of the printed z, to the precision.
            let activation = neuron.name == "output" ? spec.base.configuration.outputActivation : spec.base.configuration.activation
            #expect(chart.activationName == activation.rawValue)
            #expect(abs(activation.value(try Self.parse(printed.z)) - (try Self.parse(printed.a))) <= 2 * half)
            // The page's alt text carries the same printed numbers.
            #expect(described.label.contains("z = \(printed.z)") && described.label.contains("= \(printed.a)"))
            let page = try book.page("01-inside.html")
            #expect(page.contains(HTMLEscaped("z = \(printed.z)")))

            // z and a are the network's own: at a point of the heat-map grid, the neuron's value
            // equals the trainer's evaluation of that node there.
            let job = panels[0].jobs[results[0].representativeIndex]
            let run = try store.result(job)
            let parameters =
                neuron.network == .final
                ? run.final
                : Trainer(configuration: job.configuration).run(seed: job.seed, recording: SnapshotRecording(epochs: [40])).snapshots[0]
                    .parameters
            let grid = HeatmapGrid.coordinates(density: 100)
            let (column, row) = (17, 71)
            let computed = NeuronComputation(
                configuration: spec.base.configuration, parameters: parameters, layer: neuron.layer, index: neuron.index,
                x1: grid.x[column], x2: grid.y[row])
            let sizes = spec.base.configuration.layerSizes
            let node = sizes[0..<neuron.layer].reduce(0, +) + neuron.index
            let trainer = Network(configuration: spec.base.configuration, parameters: parameters).nodeGrids()[node]
            #expect(computed.a == trainer.value(column: column, row: row))
            #expect(computed.a == activation.value(computed.z))
        }
    }

    /// Every weight and bias label of the fixture's network is on the figure, none covers
    /// another or a neuron, and each prints its value rounded to two decimals.
    @Test func weightLabelsFitWithoutCoveringEachOther() throws {
        let book = try FixtureBook("network-values")
        defer { book.remove() }
        try book.build()
        let remade = try RemadeFigure(.network, of: "small", in: book)
        let diagram = try #require(remade.figure as? NetworkDiagram)
        #expect(diagram.showsValues)
        let metrics = FreeTypeFontMetrics(fonts: try FontSet.dejaVu())
        let layout = diagram.layout(measuring: metrics)
        let (links, biases) = diagram.valueLabelBoxes(layout, measuring: metrics)
        #expect(links.count == 9 && biases.count == 4)
        let boxes = (links + biases).map(\.box)
        let bounds = Rect(x: 0, y: 0, width: diagram.size.width, height: diagram.size.height)
        for (i, box) in boxes.enumerated() {
            #expect(box.minX >= 0 && box.maxX <= bounds.maxX && box.minY >= 0 && box.maxY <= bounds.maxY)
            for other in boxes[(i + 1)...] { #expect(!box.intersects(other), "\(box) covers \(other)") }
            for node in layout.nodeRects.flatMap({ $0 }) { #expect(!box.intersects(node)) }
        }
        let weights = Set(layout.links.map { NetworkDiagram.valueText($0.link.weight) })
        #expect(Set(links.map(\.text)) == weights)
        #expect(NetworkDiagram.valueText(-0.4349) == "\(NumberFormatting.minusSign)0.43")
        #expect(NetworkDiagram.valueText(12.66) == "12.7" && NetworkDiagram.valueText(153.2) == "153")
    }

    @Test func badNetworkValueKeysAreReportedAtTheirLines() {
        let chapter = """
            ```{experiment} big
            hidden: [4, 3]
            weights-on-links: true
            show: [network]
            ```

            ```{experiment} no-network
            hidden: [2]
            weights-on-links: true
            show: [boundary]
            ```

            ```{experiment} n
            hidden: [3]
            neuron: 2.1
            point: [1, 9]
            neuron-epoch: 5000
            show: [neuron]
            ```

            ```{experiment} missing
            hidden: [3]
            show: [neuron]
            ```

            ```{experiment} stray
            point: [1, 1]
            ```
            """
        let plan = BookLoader.analyse(sources: [("01-x.md", "Chapters/01-x.md", chapter)])
        let errors = plan.diagnostics.filter { $0.severity == .error }.map(\.line)
        let found = plan.diagnostics
        #expect(found.has(.tooManyLinks, at: "Chapters/01-x.md:3:"))
        #expect(found.has(.figureNotShown, at: "Chapters/01-x.md:9:"))
        #expect(found.has(.badValue, at: "Chapters/01-x.md:15:"))
        #expect(errors.contains { $0.contains("'2.1' is not a neuron") && $0.contains("1.1, 1.2, 1.3, output") })
        #expect(found.has(.badValue, at: "Chapters/01-x.md:16:"))
        #expect(found.has(.badValue, at: "Chapters/01-x.md:17:"))
        #expect(found.has(.missingKey, at: "Chapters/01-x.md:23:"))
        #expect(found.has(.figureNotShown, at: "Chapters/01-x.md:27:"))
        #expect(errors.count == 7, "\(errors)")
    }
}

/// Text as the page writes it (HTML-escaped).
func HTMLEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
