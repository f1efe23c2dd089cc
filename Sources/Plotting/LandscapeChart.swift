import Foundation

/// A loss landscape: the loss over a square slice of weight space, coloured in bands of equal
/// steps of log loss (light = high, dark = low, so the bands read as contour lines and valleys
/// are dark), with the training path projected onto the slice as a polyline with a marker at
/// each recorded epoch; the path's start is hollow, its end (the final weights, the centre) a
/// larger filled marker. Plotting knows nothing of networks: this gets a grid and points.
public struct LandscapeChart: Figure {
    /// `losses[row][column]`: column ↦ α from −range to +range, row 0 ↦ β = +range (the top).
    public var losses: [[Double]]
    /// The path in (α, β), in epoch order.
    public var path: [Point]
    public var range: Double
    public var title: String?
    public var size: Size
    public var theme: ChartTheme
    /// How many colour bands the log-loss range is cut into.
    public static let bands = 10

    public init(losses: [[Double]], path: [Point], range: Double, title: String? = nil,
                size: Size = Size(width: 320, height: 340), theme: ChartTheme = .standard) {
        self.losses = losses
        self.path = path
        self.range = range
        self.title = title
        self.size = size
        self.theme = theme
    }

    private var axes: CartesianAxes {
        .plane(domain: -range...range, xTitle: "α (direction 1)", yTitle: "β (direction 2)", theme: theme, showsGrid: false)
    }

    /// The band (0 = lowest loss) of each finite loss; nil where the loss is not finite.
    public static func band(of loss: Double, low: Double, high: Double) -> Int? {
        guard loss.isFinite, loss > 0 else { return loss == 0 ? 0 : nil }
        guard high > low, low > 0 else { return 0 }
        let t = (log(loss) - log(low)) / (log(high) - log(low))
        return min(bands - 1, max(0, Int((t * Double(bands)).rounded(.down))))
    }

    /// The cells coloured by band, row 0 at the top.
    public func heatMapGrid() -> PixelGrid {
        let rows = losses.count
        let columns = losses.map(\.count).min() ?? 0
        var grid = PixelGrid(width: columns, height: rows)
        let finite = losses.flatMap { $0 }.filter { $0.isFinite && $0 > 0 }
        let low = finite.min() ?? 1, high = finite.max() ?? 1
        for row in 0..<rows {
            for column in 0..<columns {
                if let band = Self.band(of: losses[row][column], low: low, high: high) {
                    grid[column, row] = SequentialPalette.yellowGreenBlue.color(at: 1 - Double(band) / Double(Self.bands - 1))
                } else {
                    grid[column, row] = Color(hex: 0x999999)
                }
            }
        }
        return grid
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        let axes = self.axes
        let geometry = axes.geometry(in: frame.content, measuring: canvas)
        axes.drawBackground(geometry, on: &canvas)
        let grid = heatMapGrid()
        if grid.width > 0 && grid.height > 0 { canvas.drawCells(grid, in: geometry.plotRect) }
        canvas.save()
        canvas.clip(to: geometry.plotRect)
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
        canvas.restore()
        axes.drawAxes(geometry, frame: frame.content, on: &canvas)
        frame.drawTitle(on: &canvas)
    }
}
