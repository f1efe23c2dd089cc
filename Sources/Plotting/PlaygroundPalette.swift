/// The TensorFlow Playground's colours (reference §10.1): orange for negative, blue for positive,
/// grey in the middle. Orange (grey level ≈ 0.63) and blue (≈ 0.42) differ in lightness, so the
/// two classes stay apart in greyscale print.
public enum PlaygroundPalette {
    public static let negative = Color(hex: 0xf59322)
    public static let positive = Color(hex: 0x0877bd)
    public static let neutral = Color(hex: 0xe8eaeb)
    /// The page background the heat map is composited on.
    public static let background = Color(hex: 0xf7f7f7)
    /// The heat map canvas is drawn with alpha 160/255 over the background.
    public static let heatMapAlpha = 160.0 / 255.0

    /// The 31 discrete heat-map shades, from most negative (index 0) to most positive (index 30).
    public static let heatMapShades: [Color] = [
        0xf59322, 0xf4992f, 0xf39f3d, 0xf2a44a, 0xf2aa58, 0xf1b065, 0xf0b672, 0xefbc80, 0xeec18d,
        0xedc79b, 0xeccda8, 0xebd3b5, 0xebd9c3, 0xeaded0, 0xe9e4de, 0xe8eaeb, 0xd9e2e8, 0xcadbe5,
        0xbbd3e2, 0xaccbdf, 0x9dc4dc, 0x8ebcd9, 0x7fb4d6, 0x71add2, 0x62a5cf, 0x539dcc, 0x4496c9,
        0x358ec6, 0x2686c3, 0x177fc0, 0x0877bd,
    ].map { Color(hex: $0) }

    /// d3 quantize on [−1, 1] into 31 bins: `clamp(floor(15.5·(v + 1)), 0, 30)`.
    /// Non-finite values are clamped (±∞) or shown as the neutral grey (NaN).
    public static func shadeIndex(for value: Double) -> Int {
        if value.isNaN { return 15 }
        if value == .infinity { return 30 }
        if value == -.infinity { return 0 }
        let raw = (15.5 * (value + 1)).rounded(.down)
        return Int(max(0, min(30, raw)))
    }

    public static func heatMapColor(for value: Double) -> Color {
        heatMapShades[shadeIndex(for: value)]
    }

    /// The heat-map shade as it appears on the page: alpha 160/255 over #f7f7f7, made opaque.
    public static func compositedHeatMapColor(for value: Double) -> Color {
        heatMapColor(for: value).withAlpha(heatMapAlpha).composited(over: background)
    }

    /// The continuous scale used for weights and biases: d3 linear on [−1, 0, 1], clamped,
    /// channels interpolated in 8-bit and rounded half up (so −0.5 gives #efbf87).
    public static func continuousColor(for value: Double) -> Color {
        let v = value.isNaN ? 0 : max(-1, min(1, value))
        let (from, to, t) = v < 0 ? (neutral, negative, -v) : (neutral, positive, v)
        let a = from.rgba8
        let b = to.rgba8
        func channel(_ x: UInt8, _ y: UInt8) -> UInt8 {
            let value = Double(x) + (Double(y) - Double(x)) * t
            return UInt8(max(0, min(255, (value + 0.5).rounded(.down))))
        }
        return Color(red8: channel(a.red, b.red), green8: channel(a.green, b.green), blue8: channel(a.blue, b.blue))
    }
}
