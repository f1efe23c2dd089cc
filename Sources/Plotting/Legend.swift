/// A horizontal legend: sample + label per entry, wrapped onto as many rows as the width needs.
/// Charts put it between title and plot, so it can never cover data.
public struct LegendEntry: Sendable, Hashable {
    public enum Sample: Sendable, Hashable {
        case line(StrokeStyle)
        case marker(PointMarker)
        /// A min–max range: a light band with a whisker across it.
        case range(Color)
        /// Text only (e.g. "bold: median of 5 runs").
        case none
    }

    public var label: String
    public var sample: Sample

    public init(label: String, sample: Sample) {
        self.label = label
        self.sample = sample
    }
}

struct Legend: Sendable {
    var entries: [LegendEntry]
    var style: TextStyle

    private var sampleWidth: Double { 24 }
    private var sampleGap: Double { 5 }
    private var entryGap: Double { 14 }

    private func sampleSpace(_ entry: LegendEntry) -> Double {
        if case .none = entry.sample { return 0 }
        return sampleWidth + sampleGap
    }

    private func rowHeight(_ metrics: some TextMeasuring) -> Double { metrics.measure("Hg", style: style).height + 4 }

    private func rows(maxWidth: Double, measuring metrics: some TextMeasuring) -> [[(LegendEntry, Double)]] {
        var rows: [[(LegendEntry, Double)]] = []
        var current: [(LegendEntry, Double)] = []
        var used = 0.0
        for entry in entries {
            let width = sampleSpace(entry) + metrics.measure(entry.label, style: style).width
            let needed = current.isEmpty ? width : used + entryGap + width
            if !current.isEmpty && needed > maxWidth {
                rows.append(current)
                current = [(entry, width)]
                used = width
            } else {
                current.append((entry, width))
                used = needed
            }
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    func height(maxWidth: Double, measuring metrics: some TextMeasuring) -> Double {
        guard !entries.isEmpty else { return 0 }
        return Double(rows(maxWidth: maxWidth, measuring: metrics).count) * rowHeight(metrics)
    }

    /// The legend's strip across the top of `content`, and what is left `gap` below it: the
    /// layout of every chart that puts its legend above the plot.
    func placedAbove(in content: Rect, gap: Double, measuring metrics: some TextMeasuring) -> (legend: Rect, below: Rect) {
        let height = self.height(maxWidth: content.width, measuring: metrics)
        return (
            Rect(x: content.minX, y: content.minY, width: content.width, height: height),
            content.inset(top: height + gap)
        )
    }

    /// Draws the rows centred in `rect`'s width, starting at its top.
    func draw<C: Canvas>(in rect: Rect, on canvas: inout C) {
        let rowHeight = self.rowHeight(canvas)
        for (rowIndex, row) in rows(maxWidth: rect.width, measuring: canvas).enumerated() {
            let total = row.map(\.1).reduce(0, +) + entryGap * Double(row.count - 1)
            var x = rect.midX - total / 2
            let y = rect.minY + rowHeight * (Double(rowIndex) + 0.5)
            for (entry, width) in row {
                switch entry.sample {
                case .line(let stroke):
                    canvas.stroke(.line(from: Point(x: x, y: y), to: Point(x: x + sampleWidth, y: y)), with: stroke)
                case .marker(let marker):
                    marker.draw(at: Point(x: x + sampleWidth / 2, y: y), on: &canvas)
                case .range(let color):
                    let band = Rect(x: x + 4, y: y - 6, width: sampleWidth - 8, height: 12)
                    canvas.fill(band, with: color.withAlpha(0.18))
                    canvas.stroke(
                        .line(from: Point(x: band.midX, y: band.minY), to: Point(x: band.midX, y: band.maxY)),
                        with: StrokeStyle(color: color, width: 1.25))
                case .none:
                    break
                }
                canvas.drawText(entry.label, at: Point(x: x + sampleSpace(entry), y: y), style: style, anchor: .leading)
                x += width + entryGap
            }
        }
    }
}
