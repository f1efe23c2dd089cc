extension Figure {
    /// The font size of the smallest text the figure draws, in its own units (CSS px at natural
    /// size), measured with the metrics the renderer fits text with; nil when it draws none.
    /// Pages use it to keep the figure at a width where that text stays readable.
    public func smallestTextSize(metrics: any FontMetrics) -> Double? {
        var canvas = RecordingCanvas(size: size, metrics: metrics)
        draw(on: &canvas)
        return canvas.commands.compactMap { command -> Double? in
            guard case .text(let text, _, let style, _, _) = command, !text.isEmpty else { return nil }
            return style.size
        }.min()
    }
}
