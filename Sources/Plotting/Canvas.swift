/// The drawing backend that figures describe themselves to (matplotlib's Renderer, plotters'
/// DrawingBackend). Coordinates are canvas units with the origin at the top left; the backend
/// maps them to pixels (PNG), px (SVG) or points (PDF).
public protocol Canvas: TextMeasuring {
    /// The size of the whole drawing area.
    var size: Size { get }

    mutating func save()
    mutating func restore()
    /// Moves the origin; undone by `restore()`.
    mutating func translate(x: Double, y: Double)
    /// Intersects the clip region with `rect`; undone by `restore()`.
    mutating func clip(to rect: Rect)

    mutating func fill(_ path: Path, with color: Color)
    mutating func stroke(_ path: Path, with style: StrokeStyle)

    /// Draws one line of text so that `anchor` of its box lies at `point`, turned by `rotation`
    /// radians (clockwise on screen, e.g. −π/2 for a y-axis label reading upwards).
    mutating func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double)

    /// Draws `grid` stretched over `rect` with nearest-neighbour sampling: every cell a crisp
    /// rectangle in every output format.
    mutating func drawCells(_ grid: PixelGrid, in rect: Rect)

    /// Draws the markers in order, later ones over earlier ones. Vector backends may draw them in
    /// a few elements per style instead of two per marker (see `MarkerLayers`).
    mutating func drawMarkers(_ markers: [PlacedMarker])
}

extension Canvas {
    public mutating func drawMarkers(_ markers: [PlacedMarker]) {
        PlacedMarker.drawEach(markers, on: &self)
    }

    public mutating func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor) {
        drawText(text, at: point, style: style, anchor: anchor, rotation: 0)
    }

    public mutating func fill(_ rect: Rect, with color: Color) {
        fill(Path.rect(rect), with: color)
    }

    /// Runs `body` between `save()` and `restore()`.
    public mutating func withSavedState(_ body: (inout Self) -> Void) {
        save()
        body(&self)
        restore()
    }
}
