import Foundation

/// The key to a heat map whose colours are bands of a range: one swatch per band, left (low) to
/// right (high), with the values at the band edges written under it, thinned to every 2nd or
/// 5th edge (always the first and the last) when they would touch. The edges are passed in, the
/// same numbers the chart cut its bands at, so the key cannot disagree with the cells.
struct ColorBar: Sendable {
    /// One colour per band, lowest first.
    var colors: [Color]
    /// `colors.count + 1` values: where each band starts, then where the last ends.
    var edges: [Double]
    /// What the values are ("training loss"), written left of the bar.
    var title: String
    var style: TextStyle
    var frameColor: Color

    private var barHeight: Double { 10 }
    private var labelGap: Double { 2 }
    private var titleGap: Double { 6 }

    func height(measuring metrics: some TextMeasuring) -> Double {
        barHeight + labelGap + metrics.measure("0", style: style).height
    }

    /// "0.0123", "1.24", "12.3": three significant digits, as a key needs no more.
    static func label(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return NumberFormatting.decimal(value, fractionDigits: 0) }
        let magnitude = Int(floor(log10(abs(value))))
        return NumberFormatting.decimal(value, fractionDigits: max(0, 2 - magnitude))
    }

    /// The edges that get a label: every `step`-th, the smallest step of 1, 2, 5, … whose
    /// labels fit in `swatch` widths each; always the last edge too.
    func labelledEdges(swatch: Double, measuring metrics: some TextMeasuring) -> [Int] {
        let bands = colors.count
        guard bands > 0, edges.count == bands + 1 else { return [] }
        // A range of one value (every cell equal) has one label.
        if edges.first == edges.last { return [0] }
        let widest = edges.map { metrics.measure(Self.label($0), style: style).width }.max() ?? 0
        for step in [1, 2, 5, bands] where bands % step == 0 || step == bands {
            if Double(step) * swatch >= widest + 6 { return Array(stride(from: 0, through: bands, by: step)) }
        }
        return [0, bands]
    }

    func draw<C: Canvas>(in rect: Rect, on canvas: inout C) {
        guard !colors.isEmpty else { return }
        let titleWidth = canvas.measure(title, style: style).width
        // Room for half a label past each end of the bar.
        let overhang = canvas.measure(Self.label(edges.last ?? 0), style: style).width / 2
        let bar = Rect(
            x: rect.minX + titleWidth + titleGap + overhang / 2, y: rect.minY,
            width: max(10, rect.width - titleWidth - titleGap - overhang * 1.5), height: barHeight)
        canvas.drawText(title, at: Point(x: rect.minX, y: bar.midY), style: style, anchor: .leading)
        let swatch = bar.width / Double(colors.count)
        for (index, color) in colors.enumerated() {
            canvas.fill(Rect(x: bar.minX + swatch * Double(index), y: bar.minY, width: swatch + 0.5, height: barHeight), with: color)
        }
        canvas.stroke(.rect(bar), with: StrokeStyle(color: frameColor, width: 1))
        let tick = StrokeStyle(color: frameColor, width: 1)
        for index in labelledEdges(swatch: swatch, measuring: canvas) {
            let x = bar.minX + swatch * Double(index)
            canvas.stroke(.line(from: Point(x: x, y: bar.maxY), to: Point(x: x, y: bar.maxY + labelGap)), with: tick)
            canvas.drawText(
                Self.label(edges[index]), at: Point(x: x, y: bar.maxY + labelGap), style: style, anchor: .top)
        }
    }
}
