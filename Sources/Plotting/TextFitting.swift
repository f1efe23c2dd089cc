/// Fits a title into a width: wrap onto up to `maximumLines` lines, then shrink the font, then
/// cut with an ellipsis (never below the readable minimum, 11 px) — so titles never run off the figure or into neighbouring panels.
public struct FittedText: Sendable, Hashable {
    public var lines: [String]
    public var style: TextStyle
    public var lineHeight: Double
    public var height: Double { lineHeight * Double(lines.count) }

    public static func fit(
        _ text: String, style: TextStyle, maxWidth: Double, maximumLines: Int = 2,
        minimumSize: Double = ChartTheme.minimumTextSize, measuring metrics: some TextMeasuring
    ) -> FittedText {
        var size = style.size
        while true {
            let current = style.withSize(size)
            let lines = wrap(text, style: current, maxWidth: maxWidth, measuring: metrics)
            let fits = lines.allSatisfy { metrics.measure($0, style: current).width <= maxWidth }
            if (lines.count <= maximumLines && fits) || size <= minimumSize {
                var kept = Array(lines.prefix(maximumLines))
                if lines.count > maximumLines, let last = kept.popLast() {
                    kept.append(last + " " + lines[maximumLines...].joined(separator: " "))
                }
                kept = kept.map { truncate($0, style: current, maxWidth: maxWidth, measuring: metrics) }
                return FittedText(lines: kept, style: current, lineHeight: lineHeight(current, metrics))
            }
            size = max(minimumSize, size - 0.5)
        }
    }

    private static func lineHeight(_ style: TextStyle, _ metrics: some TextMeasuring) -> Double {
        metrics.measure("Hg", style: style).height * 1.1
    }

    /// Greedy word wrap on spaces.
    static func wrap(
        _ text: String, style: TextStyle, maxWidth: Double, measuring metrics: some TextMeasuring
    )
        -> [String]
    {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || metrics.measure(candidate, style: style).width <= maxWidth {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Drops characters from the end, adding "…", until the line fits.
    static func truncate(
        _ line: String, style: TextStyle, maxWidth: Double, measuring metrics: some TextMeasuring
    )
        -> String
    {
        guard metrics.measure(line, style: style).width > maxWidth else { return line }
        var characters = Array(line)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingTrailingSpaces() + "…"
            if metrics.measure(candidate, style: style).width <= maxWidth { return candidate }
        }
        return ""
    }

    /// Draws the lines centred horizontally on `centerX`, the first line's top at `top`.
    public func draw<C: Canvas>(on canvas: inout C, centerX: Double, top: Double) {
        for (index, line) in lines.enumerated() {
            canvas.drawText(
                line, at: Point(x: centerX, y: top + Double(index) * lineHeight), style: style,
                anchor: .top)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
