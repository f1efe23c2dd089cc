import CCairo
import Foundation
import Plotting
import Testing

@testable import CairoRendering

/// Issue 16: PNG figures are cheaper to draw and to store, and look as before.
@Suite struct RasterOutputTests {
    /// Draws a figure with every marker drawn on its own (the protocol's default
    /// `drawMarkers`): the reference look that layered raster drawing must keep.
    struct OneByOne<Wrapped: Figure>: Figure {
        var wrapped: Wrapped
        var size: Size {
            get { wrapped.size }
            set { wrapped.size = newValue }
        }

        func draw<C: Canvas>(on canvas: inout C) {
            var forwarding = MarkersOneByOne(base: canvas)
            wrapped.draw(on: &forwarding)
            canvas = forwarding.base
        }
    }

    struct MarkersOneByOne<Base: Canvas>: Canvas {
        var base: Base
        var size: Size { base.size }
        func measure(_ text: String, style: TextStyle) -> TextExtents { base.measure(text, style: style) }
        mutating func save() { base.save() }
        mutating func restore() { base.restore() }
        mutating func translate(x: Double, y: Double) { base.translate(x: x, y: y) }
        mutating func clip(to rect: Rect) { base.clip(to: rect) }
        mutating func fill(_ path: Path, with color: Color) { base.fill(path, with: color) }
        mutating func stroke(_ path: Path, with style: StrokeStyle) { base.stroke(path, with: style) }
        mutating func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
            base.drawText(text, at: point, style: style, anchor: anchor, rotation: rotation)
        }
        mutating func drawCells(_ grid: PixelGrid, in rect: Rect) { base.drawCells(grid, in: rect) }
    }

    /// 1500 points, dense enough in the middle that markers pile up three and four deep.
    static let crowdedData = DataChart(points: LeanVectorTests.points(1500), showsLegend: true)

    @Test func markersCopiedFromSpritesLookAsWhenDrawnOneByOne() throws {
        let copied = try PNGImage(bytes: sharedRenderer.render(Self.crowdedData, as: .png))
        let reference = try PNGImage(bytes: sharedRenderer.render(OneByOne(wrapped: Self.crowdedData), as: .png))
        #expect(copied.width == reference.width && copied.height == reference.height)
        var largest = 0, total = 0, visible = 0
        for index in stride(from: 0, to: reference.rgba.count, by: 4) {
            let difference = (0..<4).map { abs(Int(copied.rgba[index + $0]) - Int(reference.rgba[index + $0])) }.max() ?? 0
            largest = max(largest, difference)
            total += difference
            if difference > 64 { visible += 1 }
        }
        let pixels = reference.width * reference.height
        // A centre moves by at most 1/8 pixel: edge pixels change their coverage by at most
        // that much (a quarter of full contrast, with rounding); in order, so nothing swaps.
        // Averaged over the figure, under 1 % of full contrast even with 1500 markers.
        #expect(largest <= 64, "largest channel difference \(largest)")
        #expect(Double(total) / Double(pixels) < 2.55, "mean difference \(Double(total) / Double(pixels)) levels")
        #expect(visible == 0)
    }

    @Test func markersKeepTheirOrder() throws {
        let first = PointMarker(shape: .circle, radius: 6, fill: Color(hex: 0x0877bd), outline: nil)
        let second = PointMarker(shape: .square, radius: 6, fill: Color(hex: 0xf59322), outline: nil)
        let chart = Markers(placed: [
            PlacedMarker(center: Point(x: 20, y: 20), marker: first),
            PlacedMarker(center: Point(x: 22, y: 21), marker: second),
            PlacedMarker(center: Point(x: 50, y: 20), marker: second),
            PlacedMarker(center: Point(x: 52, y: 21), marker: first),
        ])
        let image = try PNGImage(bytes: sharedRenderer.render(chart, as: .png))
        // At 2×, the overlap of each pair shows the later marker's colour.
        #expect(image.pixel(x: 42, y: 41).r == 0xf5)
        #expect(image.pixel(x: 102, y: 41).r == 0x08)
    }

    struct Markers: Figure {
        var placed: [PlacedMarker]
        var size = Size(width: 80, height: 40)
        func draw<C: Canvas>(on canvas: inout C) {
            canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), with: .white)
            canvas.drawMarkers(placed)
        }
    }

    @Test func theWrittenPNGDecodesToCairosOwnPixels() throws {
        for alpha in [1.0, 0.4] {
            let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 97, 61))
            defer { cairo_surface_destroy(surface) }
            let context = try #require(cairo_create(surface))
            cairo_set_source_rgba(context, 0.2, 0.5, 0.9, alpha)
            cairo_paint(context)
            cairo_set_source_rgba(context, 0.96, 0.58, 0.13, 0.7)
            cairo_arc(context, 40, 30, 22, 0, 6.3)
            cairo_fill(context)
            cairo_destroy(context)

            let ours = try PNGImage(bytes: PNGEncoder.encode(surface))
            let cairos = try PNGImage(bytes: Self.cairoPNG(surface))
            #expect(ours == cairos, "alpha \(alpha)")
            #expect(ours.rgba.count == 97 * 61 * 4)
        }
    }

    @Test func opaqueFiguresAreWrittenAsRGBAndHeatMapsWithAPalette() throws {
        let png = try sharedRenderer.render(Self.crowdedData, as: .png)
        #expect(png[25] == 2, "colour type \(png[25])")  // IHDR: truecolour without alpha
        let grid = SampleFigures.grid { x, y in tanh(x * y / 4) }
        let heatMap = try #require(IndexedPNG.encode(BoundaryChart(values: grid).heatMapGrid()))
        #expect(heatMap[25] == 3)
        let decoded = try PNGImage(bytes: heatMap)
        #expect(decoded.width == 100 && decoded.height == 100)
    }

    static func cairoPNG(_ surface: OpaquePointer) throws -> [UInt8] {
        let sink = ByteSink()
        try sink.withContext { context in
            try RenderingError.check(cairo_surface_write_to_png_stream(surface, appendToByteSink, context))
        }
        return sink.bytes
    }
}
