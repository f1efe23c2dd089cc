import CairoRendering
import Foundation
import Plotting
import Testing

/// The landscape's colour bar is the key to its cells: cut at the same edges, labelled with them.
@Suite struct ColorBarTests {
    /// A loss between two edges of the bar lands in the band those edges bound, so the bar and
    /// the cells cannot disagree; the edges run from the lowest to the highest loss in equal
    /// steps of log loss; and the labels drawn are the edges' values.
    @Test func theBarsEdgesCutTheCellsBands() {
        let losses = (0..<9).map { row in (0..<9).map { column in 0.01 * pow(1.8, Double(row + column)) } }
        let chart = LandscapeChart(losses: losses, path: [], range: 1)
        let edges = chart.bandEdges
        #expect(edges.count == LandscapeChart.bands + 1)
        #expect(edges.first == 0.01 && edges.last == losses[8][8])
        let ratios = zip(edges.dropFirst(), edges).map { $0 / $1 }
        #expect(ratios.allSatisfy { abs($0 - ratios[0]) < 1e-9 })
        for band in 0..<LandscapeChart.bands {
            let inside = (edges[band] * edges[band + 1]).squareRoot()
            #expect(LandscapeChart.band(of: inside, low: edges.first!, high: edges.last!) == band)
        }
        var canvas = RecordingCanvas(size: chart.size, metrics: sharedRenderer.fontMetrics)
        chart.draw(on: &canvas)
        #expect(canvas.texts.contains("training loss"))
        let numbers = canvas.texts.compactMap { Double($0) }
        #expect(
            numbers.contains(0.0100) && numbers.contains { abs($0 - losses[8][8]) / losses[8][8] < 0.01 },
            "the first and last edges are written: \(canvas.texts)")
    }

    /// Given one scale, charts of different losses colour a loss alike.
    @Test func chartsSharingAScaleColourALossAlike() {
        let low = LandscapeChart(losses: [[0.1, 0.2], [0.3, 0.4]], path: [], range: 1)
        let high = LandscapeChart(losses: [[0.3, 1.0], [2.0, 4.0]], path: [], range: 1)
        let shared = [low, high].sharingColourScale()
        #expect(shared.allSatisfy { $0.scale == 0.1...4.0 })
        #expect(shared[0].heatMapGrid()[0, 1] == shared[1].heatMapGrid()[0, 0], "0.3 is one colour in both")
    }
}
