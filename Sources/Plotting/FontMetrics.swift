/// Anything that can tell how large a line of text will be. Layout code asks this so labels can
/// be placed without overlapping, whether it runs against a real canvas or a metrics service.
public protocol TextMeasuring {
    func measure(_ text: String, style: TextStyle) -> TextExtents
}

/// Text measurement that can be shared across tasks (e.g. a FreeType-backed implementation in
/// CairoRendering, or `ApproximateFontMetrics` for backend-free tests).
public protocol FontMetrics: TextMeasuring, Sendable {}

/// Rough DejaVu Sans metrics without any font file: good enough for tests of layout logic that
/// must not depend on Cairo. Real renders use the backend's own measurement.
public struct ApproximateFontMetrics: FontMetrics {
    public init() {}

    public func measure(_ text: String, style: TextStyle) -> TextExtents {
        let perCharacter = style.weight == .bold ? 0.68 : 0.6
        var width = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", " ": width += 0.32
            case "m", "w", "M", "W": width += 0.9
            default: width += perCharacter
            }
        }
        return TextExtents(width: width * style.size, ascent: 0.928 * style.size, descent: 0.236 * style.size)
    }
}
