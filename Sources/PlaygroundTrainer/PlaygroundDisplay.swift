/// Numbers as the Playground's page shows them (semantics §10.4), so that a worksheet's key
/// equals, character for character, what a student reads off the screen.
public enum PlaygroundDisplay {
    /// "Test loss" / "Training loss": JavaScript's `toFixed(3)`. On an exact binary tie
    /// (0.0625 → "0.063") JavaScript takes the larger neighbour, where C's `%.3f` rounds to even.
    public static func loss(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
        // JavaScript rounds |x| (the exact binary value) half up, then puts the sign back.
        let x = abs(value)
        guard x < 1e15 else { return String(value) }
        var n = (x * 1000).rounded(.down)
        // The exact remainder x·1000 − n, by one fused multiply-add (no intermediate rounding).
        var remainder = (-n).addingProduct(x, 1000)
        if remainder < 0 { n -= 1; remainder += 1 }
        if remainder >= 1 { n += 1; remainder -= 1 }
        if remainder >= 0.5 { n += 1 }
        let thousandths = Int(n)
        let digits = String(thousandths % 1000)
        let sign = value < 0 && thousandths != 0 ? "-" : ""
        return sign + "\(thousandths / 1000)." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// The value the page shows, read back as a number (what a student compares with a target).
    public static func shownLoss(_ value: Double) -> Double {
        Double(loss(value)) ?? value
    }
}
