import CCairo
import Plotting

/// Scatter markers in SVG and PDF: a few elements per style instead of a path with its own style
/// attributes per marker (a 500-point boundary was 280 KB of SVG, most of it points).
///
/// Markers are split into layers that do not overlap (`MarkerLayers`), so batching keeps which
/// marker lies on top. Within a layer, each style is drawn as one path of zero-length subpaths
/// stroked with round caps (a dot the line width across) or of short horizontal segments with
/// butt caps (a square): first the outline colour as a dot as wide as the outline's outer edge,
/// then the fill as a dot inside the outline's inner edge. Where the fill is not nearly opaque
/// (hollow test points) the outline shows through it, so those markers keep an exact ring: the
/// fill as a dot and the outline stroked as a circle. Centres are rounded to 1/8 unit, far
/// below what a reader can see even zoomed in, so coordinates print in a few digits.
extension CairoCanvas {
    /// At or above this fill opacity the outline colour under the fill changes it by at most
    /// (1 − alpha) of the difference, too little to see.
    static let opaqueEnoughFill = 0.85

    mutating func drawBatchedMarkers(_ markers: [PlacedMarker]) {
        let snapped = markers.map { PlacedMarker(center: Self.snap($0.center), marker: $0.marker) }
        for layer in MarkerLayers.layers(snapped, gap: Self.layerGap(snapped), maxLayers: Self.maxLayers) {
            var styles: [PointMarker] = []
            var centers: [PointMarker: [Point]] = [:]
            for placed in layer {
                if centers[placed.marker] == nil { styles.append(placed.marker) }
                centers[placed.marker, default: []].append(placed.center)
            }
            for style in styles { drawBatch(style, at: centers[style] ?? []) }
        }
    }

    /// Neighbours in one layer may overlap by their outlines (a layer then draws the later
    /// outline under the earlier fill where they meet, a sliver of a pixel), never by their fills.
    static func layerGap(_ markers: [PlacedMarker]) -> Double {
        -(markers.map { $0.marker.outline?.width ?? 0 }.max() ?? 0)
    }

    /// Layers beyond the second join it: the order of three or more markers piled on one spot
    /// is not kept (in a dense cluster of one class, a reader cannot tell), which keeps a
    /// twelve-panel boundary timeline under 200 KB.
    static let maxLayers = 2

    static func snap(_ point: Point) -> Point {
        Point(x: (point.x * 10).rounded() / 10, y: (point.y * 10).rounded() / 10)
    }

    private mutating func drawBatch(_ marker: PointMarker, at centers: [Point]) {
        let outlineWidth = marker.outline?.width ?? 0
        switch marker.shape {
        case .circle, .square:
            let exactRing = marker.fill.alpha < Self.opaqueEnoughFill
            if let outline = marker.outline, !exactRing {
                dots(marker.shape, at: centers, halfWidth: marker.radius + outlineWidth / 2, color: outline.color)
                dots(marker.shape, at: centers, halfWidth: marker.radius - outlineWidth / 2, color: marker.fill)
            } else {
                dots(marker.shape, at: centers, halfWidth: marker.radius, color: marker.fill)
                if let outline = marker.outline {
                    var rings = Path()
                    for center in centers { rings.append(marker.path(at: center)) }
                    stroke(rings, with: outline)
                }
            }
        case .diamond, .triangleDown:
            // Disjoint within a layer: one fill and one outline path draw them exactly.
            var shapes = Path()
            for center in centers { shapes.append(marker.path(at: center)) }
            fill(shapes, with: marker.fill)
            if let outline = marker.outline { stroke(shapes, with: outline) }
        }
    }

    /// Filled discs (circle) or squares of half-width `halfWidth` as one stroked path.
    private func dots(_ shape: PointMarker.Shape, at centers: [Point], halfWidth: Double, color: Color) {
        guard halfWidth > 0, !centers.isEmpty else { return }
        cairo_new_path(context)
        // Row by row, so each dot is written as a short step from the one before.
        for center in centers.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            if shape == .circle || zeroLengthSquares {
                cairo_move_to(context, center.x, center.y)
                cairo_line_to(context, center.x, center.y)
            } else {
                cairo_move_to(context, center.x - halfWidth, center.y)
                cairo_line_to(context, center.x + halfWidth, center.y)
            }
        }
        strokeCurrentPath(
            with: StrokeStyle(color: color, width: 2 * halfWidth, lineCap: shape == .circle ? .round : zeroLengthSquares ? .square : .butt))
    }
}
