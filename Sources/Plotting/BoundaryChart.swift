/// The Playground's decision-boundary picture: a grid of network outputs over [−6, 6]² drawn as
/// crisp heat-map cells (alpha 160/255 over #f7f7f7), with the data points on top.
public struct BoundaryChart: Figure {
    /// `values[i][j]`: column i ↦ x = −6·(1 − i/(n−1)) + 6·i/(n−1), row j ↦ y with row 0 at the
    /// top (y = +6). Usually 100 × 100.
    public var values: [[Double]]
    /// Points outside the domain are not drawn. Test points get a black outline.
    public var points: [ScatterPoint]
    /// Replaces each value by +1 (v ≥ 0) or −1 before the colour lookup ("Discretize output").
    public var discretize: Bool
    public var title: String?
    public var xAxisTitle: String
    public var yAxisTitle: String
    /// The data range of both axes.
    public var domain: ClosedRange<Double>
    public var size: Size
    public var theme: ChartTheme

    public init(
        values: [[Double]], points: [ScatterPoint] = [], discretize: Bool = false, title: String? = nil,
        xAxisTitle: String = "X₁", yAxisTitle: String = "X₂", domain: ClosedRange<Double> = -6...6,
        size: Size = Size(width: 320, height: 340), theme: ChartTheme = .standard
    ) {
        self.values = values
        self.points = points
        self.discretize = discretize
        self.title = title
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.domain = domain
        self.size = size
        self.theme = theme
    }

    private var axes: CartesianAxes {
        .plane(domain: domain, xTitle: xAxisTitle, yTitle: yAxisTitle, theme: theme, showsGrid: false)
    }

    /// Where the square plot area lies and how data maps into it.
    public func geometry(measuring metrics: some TextMeasuring) -> PlotGeometry {
        plane.layout(measuring: metrics).geometry
    }

    private var plane: HeatMapPlane { HeatMapPlane(axes: axes, title: title, size: size, theme: theme) }

    /// The heat map as opaque cells (shade composited over the page background), row 0 at the top.
    public func heatMapGrid() -> PixelGrid {
        let columns = values.count
        let rows = values.map(\.count).min() ?? 0
        var grid = PixelGrid(width: columns, height: rows)
        let palette = PlaygroundPalette.heatMapShades.map {
            $0.withAlpha(PlaygroundPalette.heatMapAlpha).composited(over: PlaygroundPalette.background)
        }
        for column in 0..<columns {
            for row in 0..<rows {
                var value = values[column][row]
                if discretize { value = value >= 0 ? 1 : -1 }
                grid[column, row] = palette[PlaygroundPalette.shadeIndex(for: value)]
            }
        }
        return grid
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        plane.draw(cells: heatMapGrid(), on: &canvas) { geometry, canvas in
            // 3 px on the Playground's 260 px plot, scaled with the plot.
            let radius = max(2, 3 * geometry.plotRect.width / 260)
            ScatterPointsLayer(points: points, domain: domain, radius: radius, distinctTestShape: false)
                .draw(geometry, on: &canvas)
        }
    }
}
