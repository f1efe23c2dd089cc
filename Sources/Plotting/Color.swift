/// An sRGB colour with straight (not premultiplied) alpha, each channel in 0…1.
public struct Color: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// `Color(hex: 0xf59322)` is the Playground's orange.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red8: UInt8((hex >> 16) & 0xff), green8: UInt8((hex >> 8) & 0xff), blue8: UInt8(hex & 0xff),
            alpha: alpha)
    }

    public init(red8: UInt8, green8: UInt8, blue8: UInt8, alpha: Double = 1) {
        self.init(red: Double(red8) / 255, green: Double(green8) / 255, blue: Double(blue8) / 255, alpha: alpha)
    }

    public static let white = Color(red: 1, green: 1, blue: 1)
    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)

    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Source-over compositing. Charts pre-composite translucent fills on a known background so that
    /// neighbouring cells can overlap without darkening (no seams, same look in every format).
    public func composited(over background: Color) -> Color {
        let outAlpha = alpha + background.alpha * (1 - alpha)
        guard outAlpha > 0 else { return .clear }
        func channel(_ top: Double, _ bottom: Double) -> Double {
            (top * alpha + bottom * background.alpha * (1 - alpha)) / outAlpha
        }
        return Color(
            red: channel(red, background.red), green: channel(green, background.green),
            blue: channel(blue, background.blue), alpha: outAlpha)
    }

    /// Linear interpolation per channel: `fraction` 0 gives `self`, 1 gives `other`.
    public func mixed(with other: Color, fraction: Double) -> Color {
        func lerp(_ a: Double, _ b: Double) -> Double { a + (b - a) * fraction }
        return Color(
            red: lerp(red, other.red), green: lerp(green, other.green), blue: lerp(blue, other.blue),
            alpha: lerp(alpha, other.alpha))
    }

    /// 8-bit channels, rounded half up.
    public var rgba8: (red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        func byte(_ value: Double) -> UInt8 { UInt8(max(0, min(255, (value * 255).rounded()))) }
        return (byte(red), byte(green), byte(blue), byte(alpha))
    }

    /// Relative luminance (Rec. 709 weights on the sRGB values): used to check that colours stay
    /// distinguishable in greyscale print.
    public var greyLevel: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }
}
