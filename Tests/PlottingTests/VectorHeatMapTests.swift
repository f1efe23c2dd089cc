import CairoRendering
import Foundation
import Plotting
import Testing

/// Issue 16 item 2: heat maps as one crisp embedded image each in SVG and PDF.
@Suite struct VectorHeatMapTests {
    /// The `<image …>` elements of an SVG.
    static func images(in svg: String) -> [Substring] {
        var found: [Substring] = []
        var rest = svg[...]
        while let start = rest.range(of: "<image ") {
            let end = rest[start.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            found.append(rest[start.lowerBound..<end])
            rest = rest[end...]
        }
        return found
    }

    /// The PNG inside an `<image>`'s data URL.
    static func embeddedPNG(_ element: Substring) throws -> PNGImage {
        let prefix = "data:image/png;base64,"
        let start = try #require(element.range(of: prefix)).upperBound
        let end = element[start...].firstIndex(of: "\"") ?? element.endIndex
        let data = try #require(Data(base64Encoded: String(element[start..<end])))
        return try PNGImage(bytes: Array(data))
    }

    @Test func boundarySVGHoldsOneCrispImageWhosePixelsAreTheHeatMapCells() throws {
        let chart = SampleFigures.boundary()
        let svg = String(decoding: try sharedRenderer.render(chart, as: .svg), as: UTF8.self)
        let images = Self.images(in: svg)
        #expect(images.count == 1)
        let element = try #require(images.first)
        #expect(element.contains("image-rendering:pixelated") && element.contains("image-rendering=\"optimizeSpeed\""))
        let embedded = try Self.embeddedPNG(element)
        let grid = chart.heatMapGrid()
        #expect(embedded.width == grid.width && embedded.height == grid.height)
        let png = try PNGImage(bytes: sharedRenderer.render(chart, as: .png))
        let plot = chart.geometry(measuring: sharedRenderer.fontMetrics).plotRect
        var mismatches = 0
        for row in stride(from: 0, to: grid.height, by: 7) {
            for column in stride(from: 0, to: grid.width, by: 7) {
                let expected = grid[column, row]
                let fromSVG = embedded.pixel(x: column, y: row)
                if !isClose(fromSVG, to: expected, tolerance: 1) { mismatches += 1 }
                // The PNG's cell centre, away from the data points drawn on top.
                let centre = Point(
                    x: plot.minX + (Double(column) + 0.5) * plot.width / Double(grid.width),
                    y: plot.minY + (Double(row) + 0.5) * plot.height / Double(grid.height))
                let covered = chart.points.contains { p in
                    let at = chart.geometry(measuring: sharedRenderer.fontMetrics).position(x: p.x, y: p.y)
                    return abs(at.x - centre.x) < 6 && abs(at.y - centre.y) < 6
                }
                if !covered
                    && !isClose(
                        pixel(png, at: centre), to: Color(red8: fromSVG.r, green8: fromSVG.g, blue8: fromSVG.b),
                        tolerance: 2)
                {
                    mismatches += 1
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func networkSVGHasOneImagePerThumbnailAndTheColourBar() throws {
        let diagram = SampleFigures.network()
        let svg = String(decoding: try sharedRenderer.render(diagram, as: .svg), as: UTF8.self)
        let thumbnails = diagram.layers.flatMap(\.nodes).filter { $0.thumbnail != nil }.count
        #expect(Self.images(in: svg).count == thumbnails + 1)
        #expect(!svg.contains("<pattern"))
    }

    @Test func pdfEmbedsTheHeatMapWithoutInterpolation() throws {
        let pdf = try sharedRenderer.render(SampleFigures.boundary(), as: .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.components(separatedBy: "/Subtype /Image").count - 1 == 1)
        #expect(text.contains("/Interpolate false"))
        #expect(!text.contains("/Interpolate true"))
    }

    @Test func vectorBoundaryIsSmall() throws {
        let chart = BoundaryChart(values: SampleFigures.grid { x, y in tanh(x * y / 4) })
        #expect(try sharedRenderer.render(chart, as: .svg).count < 60_000)
        #expect(try sharedRenderer.render(chart, as: .pdf).count < 40_000)
    }
}
