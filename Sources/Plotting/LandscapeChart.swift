import Foundation

/// A loss landscape: the loss over a square slice of weight space, coloured in bands of equal
/// steps of log loss (light = high, dark = low, so the bands read as contour lines and valleys
/// are dark), with the training path projected onto the slice as a polyline with a marker at
/// each recorded epoch; the path's start is hollow, its end (the final weights, the centre) a
/// larger filled marker. A colour bar above the plot gives the loss at each band edge, cut from
/// the same range as the cells. Plotting knows nothing of networks: this gets a grid and points.
public struct LandscapeChart: Figure {
    /// `losses[row][column]`: column ↦ α from −range to +range, row 0 ↦ β = +range (the top).
    public var losses: [[Double]]
    /// The path in (α, β), in epoch order.
    public var path: [Point]
    public var range: Double
    /// The losses the bands span; nil: this chart's own lowest to highest finite positive
    /// loss. Panels of one figure are given one scale (``sharingColourScale()``), so a colour
    /// means one loss in all of them.
    public var colourScale: ClosedRange<Double>?
    /// What α and β move along ("α (direction 1)", or "α (toward the initial weights)").
    public var xAxisTitle = "α (direction 1)"
    public var yAxisTitle = "β (direction 2)"
    public var title: String?
    public var size: Size
    public var theme: ChartTheme
    /// How many colour bands the log-loss range is cut into.
    public static let bands = 10

    public init(
        losses: [[Double]], path: [Point], range: Double, colourScale: ClosedRange<Double>? = nil, title: String? = nil,
        size: Size = Size(width: 320, height: 370), theme: ChartTheme = .standard
    ) {
        self.losses = losses
        self.path = path
        self.range = range
        self.colourScale = colourScale
        self.title = title
        self.size = size
        self.theme = theme
    }

    private var axes: CartesianAxes {
        .plane(domain: -range...range, xTitle: xAxisTitle, yTitle: yAxisTitle, theme: theme, showsGrid: false)
    }

    /// The finite positive losses' lowest and highest (1…1 when there are none).
    public var ownScale: ClosedRange<Double> {
        let finite = losses.flatMap { $0 }.filter { $0.isFinite && $0 > 0 }
        return (finite.min() ?? 1)...(finite.max() ?? 1)
    }

    /// The range the bands are cut from.
    public var scale: ClosedRange<Double> { colourScale ?? ownScale }

    /// The loss at each band edge, lowest first: `bands + 1` values, equal steps of log loss.
    public var bandEdges: [Double] {
        let (low, high) = (scale.lowerBound, scale.upperBound)
        guard high > low, low > 0 else { return Array(repeating: low, count: Self.bands + 1) }
        return (0...Self.bands).map { k in
            k == 0 ? low : k == Self.bands ? high : exp(log(low) + Double(k) / Double(Self.bands) * (log(high) - log(low)))
        }
    }

    /// The band (0 = lowest loss) of each finite loss; nil where the loss is not finite.
    public static func band(of loss: Double, low: Double, high: Double) -> Int? {
        guard loss.isFinite, loss > 0 else { return loss == 0 ? 0 : nil }
        guard high > low, low > 0 else { return 0 }
        let t = (log(loss) - log(low)) / (log(high) - log(low))
        return min(bands - 1, max(0, Int((t * Double(bands)).rounded(.down))))
    }

    /// The colour of band `band` (0 = lowest loss, darkest).
    public static func colour(ofBand band: Int) -> Color {
        SequentialPalette.yellowGreenBlue.color(at: 1 - Double(band) / Double(bands - 1))
    }

    /// Where the loss is not finite (a diverged corner of the slice).
    public static let nonFiniteColour = Color(hex: 0x999999)

    /// The cells coloured by band, row 0 at the top.
    public func heatMapGrid() -> PixelGrid {
        let rows = losses.count
        let columns = losses.map(\.count).min() ?? 0
        var grid = PixelGrid(width: columns, height: rows)
        let (low, high) = (scale.lowerBound, scale.upperBound)
        for row in 0..<rows {
            for column in 0..<columns {
                grid[column, row] =
                    Self.band(of: losses[row][column], low: low, high: high).map(Self.colour(ofBand:)) ?? Self.nonFiniteColour
            }
        }
        return grid
    }

    private var colourBar: ColorBar {
        ColorBar(
            colors: (0..<Self.bands).map(Self.colour(ofBand:)), edges: bandEdges, title: "training loss",
            style: theme.tickLabelStyle, frameColor: theme.frameColor)
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        let plane = HeatMapPlane(axes: axes, title: title, size: size, theme: theme)
        let bar = colourBar
        let layout = plane.draw(cells: heatMapGrid(), stripHeight: bar.height(measuring: canvas), on: &canvas) { geometry, canvas in
            guard !path.isEmpty else { return }
            if path.count > 1 {
                var line = Path()
                line.move(to: geometry.position(x: path[0].x, y: path[0].y))
                for point in path.dropFirst() { line.line(to: geometry.position(x: point.x, y: point.y)) }
                canvas.stroke(line, with: StrokeStyle(color: .white, width: 3))
                canvas.stroke(line, with: StrokeStyle(color: Color(hex: 0xd62728), width: 1.5))
            }
            for (index, point) in path.enumerated() {
                let center = geometry.position(x: point.x, y: point.y)
                let last = index == path.count - 1
                let circle = Path.circle(center: center, radius: last ? 4.5 : 2.5)
                canvas.fill(circle, with: index == 0 ? .white : Color(hex: 0xd62728))
                canvas.stroke(circle, with: StrokeStyle(color: last ? .white : Color(hex: 0x7a0f10), width: 1))
            }
        }
        // The bar as wide as the plot, over it.
        let plot = layout.geometry.plotRect
        bar.draw(in: Rect(x: plot.minX - 4, y: layout.strip.minY, width: plot.width + 8, height: layout.strip.height), on: &canvas)
    }
}

extension Array where Element == LandscapeChart {
    /// The charts with one colour scale: the lowest to the highest finite positive loss of all.
    public func sharingColourScale() -> [LandscapeChart] {
        let scales = map(\.ownScale)
        guard let low = scales.map(\.lowerBound).min(), let high = scales.map(\.upperBound).max() else { return self }
        return map { chart in
            var chart = chart
            chart.colourScale = low...high
            return chart
        }
    }
}
