import CairoRendering
import Foundation
import Plotting
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct PixelTests {
    @Test func boundaryChartShowsBlueAndOrangeWhereTheValuesSayYes() throws {
        let chart = BoundaryChart(values: SampleFigures.grid { x, y in tanh(x + y) }, title: "tanh(x + y)")
        let image = try PNGImage(bytes: sharedRenderer.render(chart, as: .png))
        #expect(image.width == Int(chart.size.width * 2))
        let geometry = chart.geometry(measuring: sharedRenderer.fontMetrics)

        let positive = PlaygroundPalette.compositedHeatMapColor(for: 1)
        let negative = PlaygroundPalette.compositedHeatMapColor(for: -1)
        let atPositive = pixel(image, at: geometry.position(x: 3, y: 3))
        let atNegative = pixel(image, at: geometry.position(x: -3, y: -3))
        #expect(isClose(atPositive, to: positive), "pixel \(atPositive) expected \(positive.rgba8)")
        #expect(isClose(atNegative, to: negative), "pixel \(atNegative) expected \(negative.rgba8)")
        #expect(atPositive.b > atPositive.r)
        #expect(atNegative.r > atNegative.b)
    }

    @Test func boundaryCellsAreCrisp() throws {
        // A checkerboard of ±1 in 10 × 10 cells: every pixel must be one of the two composites.
        let values = (0..<10).map { i in (0..<10).map { j in (i + j) % 2 == 0 ? 1.0 : -1.0 } }
        let chart = BoundaryChart(values: values)
        let image = try PNGImage(bytes: sharedRenderer.render(chart, as: .png))
        let plot = chart.geometry(measuring: sharedRenderer.fontMetrics).plotRect
        let colours = [PlaygroundPalette.compositedHeatMapColor(for: 1), PlaygroundPalette.compositedHeatMapColor(for: -1)]
        var blended = 0
        for y in stride(from: Int(plot.minY * 2) + 2, to: Int(plot.maxY * 2) - 2, by: 3) {
            for x in stride(from: Int(plot.minX * 2) + 2, to: Int(plot.maxX * 2) - 2, by: 3) {
                let p = image.pixel(x: x, y: y)
                if !colours.contains(where: { isClose(p, to: $0, tolerance: 2) }) { blended += 1 }
            }
        }
        #expect(blended == 0)
    }

    @Test func networkLinksAreColouredByTheSignOfTheirWeight() throws {
        let nodes = [NetworkDiagram.Node(label: "X₁"), NetworkDiagram.Node(label: "X₂")]
        let diagram = NetworkDiagram(
            layers: [.init(caption: "Input", nodes: nodes), .init(caption: "Output", nodes: [.init(bias: 0.2)])],
            weights: [[[2.5, -2.5]]])
        let layout = diagram.layout(measuring: sharedRenderer.fontMetrics)
        let image = try PNGImage(bytes: sharedRenderer.render(diagram, as: .png))
        #expect(layout.links.count == 2)
        let positive = pixel(image, at: layout.links[0].midpoint)
        let negative = pixel(image, at: layout.links[1].midpoint)
        #expect(Int(positive.b) > Int(positive.r) + 60, "positive link midpoint \(positive)")
        #expect(Int(negative.r) > Int(negative.b) + 60, "negative link midpoint \(negative)")
        #expect(layout.links[0].width > 1 && layout.links[0].width == layout.links[1].width)
    }

    @Test func thresholdLineSitsWhereTheScaleMapsTheThreshold() throws {
        let chart = SampleFigures.loss(runs: 1)
        let geometry = chart.geometry(measuring: sharedRenderer.fontMetrics)
        let image = try PNGImage(bytes: sharedRenderer.render(chart, as: .png))
        let expectedY = geometry.canvasY(0.1)
        // Sample inside the first dash of the pattern, away from the labels on the right.
        let x = geometry.plotRect.minX + 3
        let blue = Color(hex: 0x0877bd)
        let rows = (Int(geometry.plotRect.minY * 2)..<Int(geometry.plotRect.maxY * 2)).filter {
            isClose(image.pixel(x: Int(x * 2), y: $0), to: blue, tolerance: 40)
        }
        #expect(!rows.isEmpty)
        let mean = Double(rows.reduce(0, +)) / Double(rows.count) / 2
        #expect(abs(mean - expectedY) < 1, "threshold drawn at y = \(mean), scale says \(expectedY)")
    }
}

@Suite struct OutputFormatTests {
    @Test func formatFromExtension() {
        #expect(OutputFormat(fileExtension: "PNG") == .png)
        #expect(OutputFormat(fileExtension: ".svg") == .svg)
        #expect(OutputFormat(path: "out/figures/loss.pdf") == .pdf)
        #expect(OutputFormat(path: "out.dir/loss") == nil)
    }

    @Test func svgIsXMLWithAPixelViewBox() throws {
        let chart = SampleFigures.loss()
        let svg = try sharedRenderer.render(chart, as: .svg)
        let delegate = RootAttributes()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = delegate
        #expect(parser.parse(), "SVG is not well-formed XML")
        #expect(delegate.root == "svg")
        #expect(delegate.attributes["viewBox"] == "0 0 420 280")
        #expect(delegate.attributes["width"] == "420px")
        #expect(delegate.attributes["height"] == "280px")
    }

    @Test func pdfHasThePageSizeInPoints() throws {
        let chart = SampleFigures.network()
        let url = try temporaryFile(named: "network.pdf", contents: sharedRenderer.render(chart, as: .pdf))
        let (status, output) = try runCommand("/usr/bin/pdfinfo", [url.path])
        #expect(status == 0)
        let lines = output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("Page size: 560 x 360 pts"), "pdfinfo said:\n\(output)")
        #expect(lines.contains("Creator: Labbook"))
        #expect(lines.contains("CreationDate: Sat Jan 1 00:00:00 2000 UTC"))
    }

    @Test(arguments: OutputFormat.allCases)
    func renderingTwiceGivesIdenticalBytes(format: OutputFormat) throws {
        for figure in [SampleFigures.boundary() as any Figure, SampleFigures.network(), SampleFigures.loss()] {
            let first = try sharedRenderer.render(figure, as: format)
            // Something else in between, so process-global id counters move on.
            _ = try sharedRenderer.render(SampleFigures.data(), as: format)
            let second = try sharedRenderer.render(figure, as: format)
            #expect(first == second)
        }
    }

    @Test(arguments: OutputFormat.allCases)
    func concurrentRendersGiveIdenticalBytes(format: OutputFormat) async throws {
        let renderer = sharedRenderer
        let reference = try renderer.render(SampleFigures.smallMultiples(), as: format)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for index in 0..<6 {
                group.addTask {
                    // Interleave other figures so Cairo's shared state is exercised.
                    let other: any Figure = index % 2 == 0 ? SampleFigures.network() : SampleFigures.activation()
                    _ = try renderer.render(other, as: format)
                    return try renderer.render(SampleFigures.smallMultiples(), as: format)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 6)
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test func missingFontIsATypedError() {
        #expect(throws: RenderingError.fontMissing(path: "/nonexistent/DejaVuSans.ttf")) {
            try FontSet(regularPath: "/nonexistent/DejaVuSans.ttf")
        }
        let message = RenderingError.fontMissing(path: "/x.ttf").description
        #expect(message.contains("install fonts-dejavu-core"))
    }

    @Test func invalidSizeIsATypedError() {
        var chart = SampleFigures.loss()
        chart.size = Size(width: 0, height: 100)
        #expect(throws: RenderingError.self) { try sharedRenderer.render(chart, as: .png) }
    }

    @Test func pngReaderRejectsGarbage() {
        #expect(throws: RenderingError.self) { try PNGImage(bytes: [1, 2, 3, 4]) }
    }
}

/// Captures the root element's name and attributes.
private final class RootAttributes: NSObject, XMLParserDelegate {
    var root: String?
    var attributes: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        guard root == nil else { return }
        root = elementName
        self.attributes = attributes
    }
}
