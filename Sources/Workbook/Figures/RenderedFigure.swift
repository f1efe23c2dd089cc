import Foundation

/// A figure's files in the cache and its size in CSS pixels: what rendering a ``FigureTask``
/// leaves for the pages to show. Declared with the figures, not with the rendering that makes
/// it, because pages read it and pages come before the compilation stage.
struct RenderedFigure: Sendable {
    var files: [String: URL]
    var width: Double
    var height: Double
    /// A slider frame's epoch and losses in words.
    var label: String? = nil
    /// The numbers of a described figure beyond its label (``DescribedFigure/details``).
    var details: String? = nil
    /// The font size of its smallest text at natural size (nil: none, or not known).
    var smallestText: Double? = nil
    /// Its one-column layout for phones, `stem.narrow.svg` among the files; nil when it has none.
    var narrow: FigureLayout? = nil

    /// The file key of the one-column layout.
    static let narrowExtension = "narrow.svg"
}
