/// Tick and annotation number formatting without Foundation. Negative numbers use the
/// typographic minus sign (U+2212), which DejaVu Sans has and which reads better than "-".
public enum NumberFormatting {
    public static let minusSign = "\u{2212}"

    /// `value` with exactly `fractionDigits` decimals, rounded half away from zero.
    public static func decimal(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? minusSign + "∞" : "∞") }
        let digits = max(0, min(12, fractionDigits))
        let scaled = (abs(value) * powerOf10(digits)).rounded()
        // Too large for integer digits (a diverging loss reaches 1e200): scientific notation.
        guard scaled < 9e17 else { return (value < 0 ? minusSign : "") + "\(abs(value))" }
        let integer = UInt64(scaled)
        var text = String(integer)
        if digits > 0 {
            if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        let isZero = integer == 0
        return (value < 0 && !isZero ? minusSign : "") + text
    }

    /// The fewest decimals (up to `maximumDigits`) that show `value` exactly at that precision,
    /// e.g. 0.05 → "0.05", 2 → "2", 0.1 + 0.2 → "0.3".
    public static func shortest(_ value: Double, maximumDigits: Int = 6) -> String {
        for digits in 0...maximumDigits {
            let scale = powerOf10(digits)
            if abs((value * scale).rounded() - value * scale) < 1e-6 * max(1, abs(value * scale)) {
                return decimal(value, fractionDigits: digits)
            }
        }
        return decimal(value, fractionDigits: maximumDigits)
    }
}
