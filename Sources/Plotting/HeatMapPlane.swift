/// The layer the boundary and the landscape share: the figure's background, its title, square
/// axes over one domain and a grid of opaque cells filling the plot. What goes on the cells
/// (points, a path) is drawn by the chart, clipped to the plot; a strip above the plot can be
/// kept for a key (the landscape's colour bar). One place lays these out, so both charts put
/// their plots, ticks and titles alike.
struct HeatMapPlane: Sendable {
    var axes: CartesianAxes
    var title: String?
    var size: Size
    var theme: ChartTheme

    /// Where everything lies: the title frame, the strip kept above the plot (zero height when
    /// none is asked for) and the plot.
    struct Layout {
        var frame: TitledFrame
        var strip: Rect
        var geometry: PlotGeometry
    }

    /// The layout with `stripHeight` (plus a gap) kept between the title and the plot.
    func layout(stripHeight: Double = 0, measuring metrics: some TextMeasuring) -> Layout {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        let gap = stripHeight > 0 ? 6.0 : 0
        let strip = Rect(x: frame.content.minX, y: frame.content.minY, width: frame.content.width, height: stripHeight)
        let geometry = axes.geometry(in: frame.content.inset(top: stripHeight + gap), measuring: metrics)
        return Layout(frame: frame, strip: strip, geometry: geometry)
    }

    /// Background, cells, then `overlay` clipped to the plot, then the axes and the title on
    /// top; returns the layout so the chart can draw into the strip.
    @discardableResult
    func draw<C: Canvas>(
        cells grid: PixelGrid, stripHeight: Double = 0, on canvas: inout C, overlay: (PlotGeometry, inout C) -> Void
    ) -> Layout {
        canvas.fill(Rect(x: 0, y: 0, width: size.width, height: size.height), with: theme.background)
        let layout = self.layout(stripHeight: stripHeight, measuring: canvas)
        axes.drawBackground(layout.geometry, on: &canvas)
        if grid.width > 0 && grid.height > 0 { canvas.drawCells(grid, in: layout.geometry.plotRect) }
        canvas.save()
        canvas.clip(to: layout.geometry.plotRect)
        overlay(layout.geometry, &canvas)
        canvas.restore()
        axes.drawAxes(layout.geometry, frame: layout.frame.content, on: &canvas)
        layout.frame.drawTitle(on: &canvas)
        return layout
    }
}
