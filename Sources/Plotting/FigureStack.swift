/// Figures one under another, each at its own size (a block of boundary panels above a block
/// of loss panels, say): the figure is as wide as the widest and as tall as all of them.
public struct FigureStack: Figure {
    public var figures: [any Figure]
    public var spacing: Double
    public var size: Size
    public var theme: ChartTheme

    public init(_ figures: [any Figure], spacing: Double = 8, theme: ChartTheme = .standard) {
        self.figures = figures
        self.spacing = spacing
        self.theme = theme
        let width = figures.map(\.size.width).max() ?? 0
        let height = figures.map(\.size.height).reduce(0, +) + spacing * Double(max(0, figures.count - 1))
        size = Size(width: width, height: height)
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        var top = 0.0
        for figure in figures {
            canvas.save()
            canvas.translate(x: 0, y: top)
            canvas.clip(to: Rect(x: 0, y: 0, width: figure.size.width, height: figure.size.height))
            figure.draw(on: &canvas)
            canvas.restore()
            top += figure.size.height + spacing
        }
    }
}
