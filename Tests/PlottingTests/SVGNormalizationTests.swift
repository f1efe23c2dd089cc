import CairoRendering
import Foundation
import Plotting
import Testing

@Suite struct SVGNormalizationTests {
    @Test func svgIdsAreNumberedFromOneInOrderOfAppearance() throws {
        // Render something first so Cairo's process-wide counters are far from 1.
        _ = try sharedRenderer.render(SampleFigures.network(), as: .svg)
        let svg = String(decoding: try sharedRenderer.render(SampleFigures.smallMultiples(), as: .svg), as: UTF8.self)
        for prefix in ["surface", "clip"] {
            let pattern = try NSRegularExpression(pattern: "id=\"\(prefix)([0-9]+)\"")
            let numbers = pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map {
                Int((svg as NSString).substring(with: $0.range(at: 1)))!
            }
            #expect(!numbers.isEmpty || prefix == "surface")
            #expect(
                numbers == Array(1...max(1, numbers.count)).prefix(numbers.count).map { $0 },
                "\(prefix) ids: \(numbers)")
        }
    }
}
