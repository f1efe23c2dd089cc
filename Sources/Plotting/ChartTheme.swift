/// Fonts, colours and spacing shared by all chart kinds, so panels side by side look alike.
/// No text is smaller than `minimumTextSize` (11 px at 1×): figures are shown at their natural
/// size on the page, so this is the size the reader sees.
public struct ChartTheme: Sendable, Hashable {
    public var background = Color.white
    public var titleStyle = TextStyle(size: 13, weight: .bold, color: Color(hex: 0x222222))
    public var axisTitleStyle = TextStyle(size: 11.5, color: Color(hex: 0x333333))
    public var tickLabelStyle = TextStyle(size: 11, color: Color(hex: 0x555555))
    public var emphasisedTickLabelStyle = TextStyle(size: 11, weight: .bold, color: Color(hex: 0x222222))
    public var legendStyle = TextStyle(size: 11, color: Color(hex: 0x333333))
    public var annotationStyle = TextStyle(size: 11, color: Color(hex: 0x333333))
    public var frameColor = Color(hex: 0xb0b0b0)
    public var gridColor = Color(hex: 0xebebeb)
    public var tickLength = 4.0
    /// Space kept free around the figure's edge so nothing is clipped.
    public var padding = 8.0

    /// The smallest text any figure draws, in canvas units (= CSS px at 1×).
    public static let minimumTextSize = 11.0

    public init() {}

    public static let standard = ChartTheme()
}
