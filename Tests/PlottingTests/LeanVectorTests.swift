import Foundation
import Plotting
import Testing

@testable import CairoRendering

/// Issue 16: scatter points, paths and heat maps in vector files cost a few bytes each.
@Suite struct LeanVectorTests {
    /// `count` points spread over the plane in a fixed pattern, half of them test points,
    /// both classes (circles and squares).
    static func points(_ count: Int) -> [ScatterPoint] {
        (0..<count).map { index in
            let angle = Double(index) * 2.399963  // golden angle: no two points coincide
            let radius = 5.5 * (Double(index) / Double(max(count, 1))).squareRoot()
            return ScatterPoint(
                x: radius * cos(angle), y: radius * sin(angle), value: index % 3 == 0 ? -1 : 1,
                isTest: index % 2 == 1)
        }
    }

    @Test func aDataFigureWithManyPointsStaysSmallInSVG() throws {
        let empty = try sharedRenderer.render(DataChart(points: Self.points(0), showsLegend: false), as: .svg).count
        let many = try sharedRenderer.render(DataChart(points: Self.points(1000), showsLegend: false), as: .svg).count
        let perPoint = Double(many - empty) / 1000
        // One path with its own style per point was 550 bytes a point; a hollow test point keeps
        // an exact outline ring (about 90 bytes), a solid one is two short dots.
        #expect(perPoint < 80, "\(perPoint) bytes per point")
        #expect(many < 150_000, "\(many) bytes for 1000 points")
    }

    @Test func aBoundaryWithFiveHundredPointsIsUnderFiftyKilobytesInSVG() throws {
        let chart = BoundaryChart(values: SampleFigures.grid { x, y in tanh(x * y / 4) }, points: Self.points(500))
        let svg = try sharedRenderer.render(chart, as: .svg)
        #expect(svg.count < 50_000, "\(svg.count) bytes")
    }

    @Test func laterMarkersThatOverlapEarlierOnesGoToAHigherLayer() {
        let marker = PointMarker(shape: .circle, radius: 3, fill: .black, outline: nil)
        let placed = [Point(x: 10, y: 10), Point(x: 50, y: 10), Point(x: 12, y: 10), Point(x: 14, y: 10)]
            .map { PlacedMarker(center: $0, marker: marker) }
        let layers = MarkerLayers.layers(placed)
        #expect(layers.map { $0.map(\.center.x) } == [[10, 50], [12], [14]])
        let capped = MarkerLayers.layers(placed, maxLayers: 2)
        #expect(capped.map { $0.map(\.center.x) } == [[10, 50], [12, 14]])
    }

    @Test func markersInOneLayerNeverOverlap() {
        let marker = PointMarker(shape: .square, radius: 2.5, fill: .black, outline: StrokeStyle(color: .white, width: 1))
        let placed = Self.points(400).map { PlacedMarker(center: Point(x: 100 + 15 * $0.x, y: 100 + 15 * $0.y), marker: marker) }
        for layer in MarkerLayers.layers(placed) {
            for (index, a) in layer.enumerated() {
                for b in layer[(index + 1)...] {
                    let distance =
                        ((a.center.x - b.center.x) * (a.center.x - b.center.x)
                        + (a.center.y - b.center.y) * (a.center.y - b.center.y)).squareRoot()
                    #expect(distance >= a.reach + b.reach)
                }
            }
        }
    }

    @Test func pathDataIsRoundedToHundredthsAndWrittenInItsShortestForm() throws {
        func short(_ text: String) -> String? { SVGPathData.shortened(Array(text.utf8)[...]).map { String(decoding: $0, as: UTF8.self) } }
        // A dot (line to the current point), a horizontal step, a relative move that is shorter.
        #expect(
            short("M 186.945312 179.250781 L 186.945312 179.250781 M 190.5 179.250781 L 193.359375 179.250781 ")
                == "M186.95 179.25h0m3.55 0h2.86")
        #expect(short("M 10 10 L 20 10 L 20 30 L 0.5 -0.25 Z M 10 10") == "M10 10H20V30L.5-.25Zm0 0")
        #expect(short("M 1 2 C 3 4 5 6 7 8 C 9 10 11 12 13 14") == "M1 2C3 4 5 6 7 8c2 2 4 4 6 6")
        #expect(short("M 1 2 Q 3 4 5 6") == nil, "unknown commands are left alone")
    }

    @Test func coloursBecomeHexAndPositionsHundredths() {
        let svg = Array(#"<g style="fill:rgb(96.078431%,57.647059%,13.333333%);fill-opacity:1;"><use x="73.890625" y="244.9375"/>"#.utf8)
        let short = String(decoding: SVGAttributeNumbers.shorten(svg), as: UTF8.self)
        #expect(short == #"<g style="fill:#f59322;fill-opacity:1;"><use x="73.89" y="244.94"/>"#)
    }

    @Test func theEmbeddedHeatMapIsAnIndexedPNGWithTheGridsColours() throws {
        let grid = SampleFigures.boundary().heatMapGrid()
        let bytes = try #require(IndexedPNG.encode(grid))
        #expect(bytes[25] == 3, "PNG colour type 3: indexed")
        let decoded = try PNGImage(bytes: bytes)
        for (column, row) in [(0, 0), (37, 61), (99, 99)] {
            #expect(isClose(decoded.pixel(x: column, y: row), to: grid[column, row], tolerance: 0))
        }
    }
}
