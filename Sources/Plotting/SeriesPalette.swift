/// Colours and dash patterns for series compared in one chart (the combinations of a sweep).
/// Colours are Okabe & Ito's set, told apart by readers with the common colour-vision
/// deficiencies; each series also has its own dash pattern, so series stay apart in greyscale
/// print, where several of these colours have similar lightness. Yellow is left out: it does not
/// show on white.
public enum SeriesPalette {
    public static let colors: [Color] = [0x0072b2, 0xd55e00, 0x009e73, 0xcc79a7, 0xe69f00, 0x56b4e9, 0x000000]
        .map { Color(hex: $0) }
    /// Solid, long dash, dots, dash-dot, medium dash, sparse dots, very long dash.
    public static let dashes: [[Double]] = [[], [7, 3], [1.5, 2.5], [8, 3, 1.5, 3], [4, 3], [1.5, 5], [12, 4]]

    /// The colour of series `index` (repeating after seven).
    public static func color(_ index: Int) -> Color { colors[positiveModulo(index, colors.count)] }

    /// The dash pattern of series `index`, scaled with the line width so dots stay dots.
    public static func dash(_ index: Int, width: Double = 1) -> [Double] {
        dashes[positiveModulo(index, dashes.count)].map { $0 * max(1, width / 1.5) }
    }

    /// The stroke of series `index` at `width`.
    public static func stroke(_ index: Int, width: Double) -> StrokeStyle {
        StrokeStyle(color: color(index), width: width, dash: dash(index, width: width), lineJoin: .round)
    }

    private static func positiveModulo(_ value: Int, _ modulus: Int) -> Int { ((value % modulus) + modulus) % modulus }
}
