/// A marker at a position on the canvas: one element of a batch drawn with
/// `Canvas.drawMarkers`, e.g. the points of a scatter plot.
public struct PlacedMarker: Sendable, Hashable {
    public var center: Point
    public var marker: PointMarker

    public init(center: Point, marker: PointMarker) {
        self.center = center
        self.marker = marker
    }

    /// How far the marker reaches from its centre, outline included.
    public var reach: Double {
        let outline = (marker.outline?.width ?? 0) / 2
        switch marker.shape {
        case .circle: return marker.radius + outline
        case .square: return marker.radius * 2.0.squareRoot() + outline
        case .diamond: return marker.radius * 1.3 + outline
        case .triangleDown: return marker.radius * 1.25 * 1.25 + outline
        }
    }

    /// Draws every marker on its own, in order: the reference look that batched drawing keeps.
    public static func drawEach<C: Canvas>(_ markers: [PlacedMarker], on canvas: inout C) {
        for placed in markers { placed.marker.draw(at: placed.center, on: &canvas) }
    }
}

/// Splits markers, given in drawing order, into layers of markers that do not touch each other.
///
/// A layer can be drawn in any order, style by style, with one element per style, and look as if
/// its markers had been drawn one by one: nothing in it overlaps. Layers are drawn in order, and a
/// marker's layer is one above the highest layer of the earlier markers it overlaps, so wherever
/// two markers overlap, the later one still ends up on top.
public enum MarkerLayers {
    /// Markers count as overlapping when they come closer than `gap` (canvas units); a negative
    /// gap lets their outlines touch within a layer. With `maxLayers`, markers that would need a
    /// higher layer join the top one: fewer elements, and the order kept only up to that depth.
    public static func layers(_ markers: [PlacedMarker], gap: Double = 0, maxLayers: Int = .max) -> [[PlacedMarker]] {
        guard let widest = markers.map(\.reach).max() else { return [] }
        // Buckets of one reach-plus-gap width: overlapping markers lie in neighbouring buckets.
        let cell = max(2 * widest + gap, 1e-9)
        var buckets: [Bucket: [Int]] = [:]
        var layerOf: [Int] = []
        layerOf.reserveCapacity(markers.count)
        var layers: [[PlacedMarker]] = []
        for (index, placed) in markers.enumerated() {
            let home = Bucket(x: Int((placed.center.x / cell).rounded(.down)), y: Int((placed.center.y / cell).rounded(.down)))
            var layer = 0
            for dx in -1...1 {
                for dy in -1...1 {
                    for other in buckets[Bucket(x: home.x + dx, y: home.y + dy), default: []] {
                        let o = markers[other]
                        let distance =
                            ((placed.center.x - o.center.x) * (placed.center.x - o.center.x)
                            + (placed.center.y - o.center.y) * (placed.center.y - o.center.y)).squareRoot()
                        if distance < placed.reach + o.reach + gap { layer = max(layer, layerOf[other] + 1) }
                    }
                }
            }
            layer = min(layer, max(maxLayers, 1) - 1)
            layerOf.append(layer)
            buckets[home, default: []].append(index)
            if layer == layers.count { layers.append([]) }
            layers[layer].append(placed)
        }
        return layers
    }

    private struct Bucket: Hashable {
        var x: Int
        var y: Int
    }
}
