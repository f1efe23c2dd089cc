/// Splits a figure into an optional fitted title at the top and the content area below it.
struct TitledFrame: Sendable {
    var title: FittedText?
    var titleTop: Double
    var content: Rect

    init(title: String?, size: Size, theme: ChartTheme, measuring metrics: some TextMeasuring) {
        let frame = Rect(x: 0, y: 0, width: size.width, height: size.height)
            .insetBy(dx: theme.padding, dy: theme.padding)
        titleTop = frame.minY
        if let title, !title.isEmpty {
            let fitted = FittedText.fit(title, style: theme.titleStyle, maxWidth: frame.width, measuring: metrics)
            self.title = fitted
            content = frame.inset(top: fitted.height + 6)
        } else {
            self.title = nil
            content = frame
        }
    }

    func drawTitle<C: Canvas>(on canvas: inout C) {
        title?.draw(on: &canvas, centerX: canvas.size.width / 2, top: titleTop)
    }
}

extension Figure {
    /// Fills the figure's own area with `color` (figures may be panels at an offset).
    func fillBackground<C: Canvas>(_ color: Color, on canvas: inout C) {
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), with: color)
    }
}
