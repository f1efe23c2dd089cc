/// "Nice numbers" (Heckbert): tick steps of 1, 2 or 5 × 10ⁿ, and domains widened to whole steps.
public enum NiceTicks {
    /// A step of 1, 2, 5 or 10 × 10ⁿ close to `range / targetCount`, with the exponent n.
    static func step(for range: Double, targetCount: Int) -> (step: Double, exponent: Int) {
        let rough = range / Double(max(1, targetCount))
        guard rough > 0, rough.isFinite else { return (1, 0) }
        var exponent = Int(log10Of(rough).rounded(.down))
        let fraction = rough / powerOf10(exponent)
        let nice: Double
        if fraction < 1.5 {
            nice = 1
        } else if fraction < 3 {
            nice = 2
        } else if fraction < 7 {
            nice = 5
        } else {
            nice = 1
            exponent += 1
        }
        return (nice * powerOf10(exponent), exponent)
    }

    /// A linear scale covering `lower…upper` widened to whole ticks, with its ticks.
    public static func linear(lower: Double, upper: Double, targetCount: Int = 5) -> (AxisScale, [Tick]) {
        var (low, high) = (lower, upper)
        if !(low.isFinite && high.isFinite) { (low, high) = (0, 1) }
        if high < low { swap(&low, &high) }
        if high == low { (low, high) = low == 0 ? (0, 1) : (low - abs(low) * 0.5, high + abs(high) * 0.5) }
        let (step, exponent) = self.step(for: high - low, targetCount: targetCount)
        let first = (low / step + 1e-9).rounded(.down)
        let last = (high / step - 1e-9).rounded(.up)
        let digits = max(0, -exponent)
        var ticks: [Tick] = []
        var k = first
        while k <= last {
            let value = k * step
            ticks.append(
                Tick(
                    value: value, label: NumberFormatting.decimal(value, fractionDigits: digits),
                    isEmphasised: false))
            k += 1
        }
        return (AxisScale(kind: .linear, lower: first * step, upper: last * step), ticks)
    }

    /// A log scale from the decade at or below `lower` to the decade at or above `upper`, ticks at
    /// powers of ten (plus 2× and 5× when it spans fewer than three decades).
    public static func logarithmic(lower: Double, upper: Double) -> (AxisScale, [Tick]) {
        let low = lower > 0 && lower.isFinite ? lower : 1e-3
        let high = upper > 0 && upper.isFinite ? max(upper, low) : max(1, low * 10)
        var firstDecade = Int(log10Of(low).rounded(.down))
        var lastDecade = Int(log10Of(high).rounded(.up))
        if lastDecade == firstDecade { lastDecade += 1 }
        if lastDecade - firstDecade > 12 { firstDecade = lastDecade - 12 }
        let multipliers: [Double] = lastDecade - firstDecade < 3 ? [1, 2, 5] : [1]
        var ticks: [Tick] = []
        for decade in firstDecade...lastDecade {
            for multiplier in multipliers where decade < lastDecade || multiplier == 1 {
                let value = multiplier * powerOf10(decade)
                ticks.append(Tick(value: value, label: format(value, decade: decade)))
            }
        }
        return (AxisScale(kind: .logarithmic, lower: powerOf10(firstDecade), upper: powerOf10(lastDecade)), ticks)
    }

    private static func format(_ value: Double, decade: Int) -> String {
        if decade < -4 || decade > 5 {
            let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
            let digits = String(abs(decade)).map { superscripts[Int(String($0))!] }
            let mantissa = (value / powerOf10(decade)).rounded()
            return (mantissa == 1 ? "" : NumberFormatting.decimal(mantissa, fractionDigits: 0) + "×")
                + "10" + (decade < 0 ? "⁻" : "") + String(digits)
        }
        return NumberFormatting.decimal(value, fractionDigits: max(0, -decade))
    }

    /// Integer ticks `lower…upper` (e.g. −6…6 on the Playground's axes), 0 emphasised.
    public static func integers(from lower: Int, through upper: Int) -> [Tick] {
        (lower...upper).map {
            Tick(value: Double($0), label: NumberFormatting.decimal(Double($0), fractionDigits: 0), isEmphasised: $0 == 0)
        }
    }
}
