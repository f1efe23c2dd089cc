/// A colour ramp from light to dark for values on one scale (a metric grid's cells). ColorBrewer's
/// YlGnBu: safe for the common colour-vision deficiencies and monotonic in lightness, so it also
/// reads in greyscale print.
public struct SequentialPalette: Sendable, Hashable {
    public var stops: [Color]

    public init(stops: [Color]) {
        precondition(stops.count >= 2, "a sequential palette needs at least two colours")
        self.stops = stops
    }

    public static let yellowGreenBlue = SequentialPalette(
        stops: [0xffffd9, 0xedf8b1, 0xc7e9b4, 0x7fcdbb, 0x41b6c4, 0x1d91c0, 0x225ea8, 0x253494, 0x081d58]
            .map { Color(hex: $0) })

    /// The colour at `fraction` (0 = lightest, 1 = darkest), interpolated between stops.
    public func color(at fraction: Double) -> Color {
        let t = fraction.isFinite ? max(0, min(1, fraction)) : 0
        let position = t * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(position.rounded(.down)))
        return stops[index].mixed(with: stops[index + 1], fraction: position - Double(index))
    }

    /// WCAG relative luminance (linearised sRGB).
    static func luminance(_ color: Color) -> Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : powFraction((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    /// WCAG contrast ratio between two opaque colours (1…21).
    public static func contrast(_ a: Color, _ b: Color) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Near-black or white, whichever contrasts more with `background`.
    public static func textColor(on background: Color) -> Color {
        let dark = Color(hex: 0x111111)
        return contrast(dark, background) >= contrast(.white, background) ? dark : .white
    }
}
