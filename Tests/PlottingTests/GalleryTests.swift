import CairoRendering
import Foundation
import Plotting
import Testing

/// Writes every sample figure to $PLOTTING_GALLERY_DIR (PNG, plus SVG/PDF of some) for looking at.
/// Skipped unless the variable is set: `PLOTTING_GALLERY_DIR=/tmp/gallery swift test --filter Gallery`.
@Suite struct GalleryTests {
    static let directory = ProcessInfo.processInfo.environment["PLOTTING_GALLERY_DIR"]

    @Test(.enabled(if: directory != nil)) func writeGallery() throws {
        let directory = URL(fileURLWithPath: Self.directory!)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let figures: [(String, any Figure)] = [
            ("boundary", SampleFigures.boundary()),
            (
                "boundary-discretized",
                {
                    var c = SampleFigures.boundary(); c.discretize = true; return c
                }()
            ),
            ("network", SampleFigures.network()),
            ("loss", SampleFigures.loss()),
            ("loss-log", SampleFigures.loss(logarithmic: true)),
            (
                "loss-single",
                {
                    var c = SampleFigures.loss(runs: 1); c.divergedAtEpoch = 120; return c
                }()
            ),
            ("activation", SampleFigures.activation()),
            ("activation-overlaid", SampleFigures.activation(arrangement: .overlaid)),
            ("data", SampleFigures.data()),
            ("small-multiples", SampleFigures.smallMultiples()),
        ]
        for (name, figure) in figures {
            for format in OutputFormat.allCases {
                let bytes = try sharedRenderer.render(figure, as: format)
                try Data(bytes).write(to: directory.appendingPathComponent("\(name).\(format.fileExtension)"))
            }
        }
    }
}
