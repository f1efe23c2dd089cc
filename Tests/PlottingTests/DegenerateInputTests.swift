import CairoRendering
import Plotting
import Testing

/// Figures built from odd data (empty, non-finite, tiny) must still render, not crash.
@Suite struct DegenerateInputTests {
    static let figures: [(String, any Figure)] = [
        ("empty loss", LossChart(runs: [])),
        (
            "diverging loss",
            LossChart(
                training: LossChart.Curve(values: [0.5, 0.7, 3, .infinity, .nan]),
                test: LossChart.Curve(values: [0.6, 0.9, 5, .nan, .nan]), logarithmic: true,
                threshold: LossChart.Threshold(value: 0.01), divergedAtEpoch: 3)
        ),
        ("empty boundary", BoundaryChart(values: [])),
        ("nan boundary", BoundaryChart(values: [[.nan, 1], [-1, .infinity]])),
        ("empty network", NetworkDiagram(layers: [], links: [])),
        ("tiny network", NetworkDiagram(layers: [.init(nodes: [.init()])], links: [], size: Size(width: 40, height: 30))),
        ("empty activation", ActivationChart(functions: [])),
        ("empty data", DataChart(points: [])),
        ("empty grid", SmallMultiples(panels: [], columns: 3, size: Size(width: 100, height: 100))),
    ]

    @Test(arguments: figures.map(\.0))
    func rendersInEveryFormat(name: String) throws {
        let figure = Self.figures.first { $0.0 == name }!.1
        for format in OutputFormat.allCases {
            let bytes = try sharedRenderer.render(figure, as: format)
            #expect(!bytes.isEmpty)
        }
    }

    @Test func wideNetworkKeepsCaptionsApart() {
        let layers = (0..<9).map { index in
            NetworkDiagram.Layer(caption: "\(index + 1) neurons in this layer", nodes: Array(repeating: .init(bias: 0.1), count: 8))
        }
        let diagram = NetworkDiagram(layers: layers, links: [], size: Size(width: 600, height: 300))
        var canvas = RecordingCanvas(size: diagram.size, metrics: sharedRenderer.fontMetrics)
        diagram.draw(on: &canvas)
        let captions = canvas.placedTexts.filter { $0.text.contains("neurons") }
        #expect(captions.count == 9)
        for (first, second) in zip(captions, captions.dropFirst()) { #expect(!first.box.intersects(second.box)) }
    }
}
