/// Places annotation labels ("epoch N", a threshold's label, notes) so that they stay inside an
/// area, never overlap each other, and cover as little of the curves as possible.
///
/// Each label comes with candidate boxes, each with a penalty for being a less natural spot
/// (further from what it labels). A candidate must lie inside `bounds` and clear of every box
/// placed so far; among those the placer takes the lowest cost: the penalty plus the weight of
/// every curve the box touches (a bold curve weighs much more than a thin seed curve, so a label
/// may sit on its halo over a faint curve beside its line rather than far away from it).
struct LabelPlacer {
    struct Curve {
        var points: [Point]
        var weight: Double
    }

    /// The weight of a bold (highlighted) curve and of a thin one.
    static let boldWeight = 10.0
    static let thinWeight = 1.0

    var bounds: Rect
    /// Boxes already taken: earlier labels, markers.
    var occupied: [Rect] = []
    var curves: [Curve] = []

    init(bounds: Rect, curves: [Curve] = []) {
        self.bounds = bounds
        self.curves = curves
    }

    /// Picks one of `candidates` (boxes of the label's size, each with its penalty) and marks
    /// it as taken; `nil` when none is inside the bounds and clear of earlier labels.
    mutating func place(_ candidates: [(box: Rect, penalty: Double)]) -> Rect? {
        var best: (box: Rect, cost: Double)?
        for (box, penalty) in candidates {
            guard penalty < best?.cost ?? .infinity,
                box.minX >= bounds.minX - 0.01, box.maxX <= bounds.maxX + 0.01, box.minY >= bounds.minY - 0.01,
                box.maxY <= bounds.maxY + 0.01, !occupied.contains(where: { $0.intersects(box) })
            else { continue }
            let cost = penalty + curves.filter { touches($0.points, box) }.map(\.weight).reduce(0, +)
            if cost < best?.cost ?? .infinity { best = (box, cost) }
        }
        guard let chosen = best?.box else { return nil }
        occupied.append(chosen)
        return chosen
    }

    /// Candidates in order of preference, each a little worse than the one before.
    mutating func place(_ boxes: [Rect]) -> Rect? {
        place(boxes.enumerated().map { ($0.element, Double($0.offset) * 0.01) })
    }

    private func touches(_ curve: [Point], _ box: Rect) -> Bool {
        zip(curve, curve.dropFirst()).contains { Self.segment($0, $1, touches: box) }
    }

    /// True when the segment `a`–`b` has a point inside `box` (Liang–Barsky clipping).
    static func segment(_ a: Point, _ b: Point, touches box: Rect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - box.minX), (dx, box.maxX - a.x), (-dy, a.y - box.minY), (dy, box.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return false }; t0 = max(t0, r) } else { if r < t0 { return false }; t1 = min(t1, r) }
            }
        }
        return t0 <= t1
    }
}

/// Text on a translucent white box, so it stays readable where it crosses grid lines or curves.
struct HaloLabel: Sendable {
    var text: String
    var style: TextStyle

    /// The halo's box when the text's top-left corner is at `origin`.
    func box(topLeft origin: Point, measuring metrics: some TextMeasuring) -> Rect {
        let extents = metrics.measure(text, style: style)
        return Rect(x: origin.x - 2, y: origin.y - 1, width: extents.width + 4, height: extents.height + 2)
    }

    func size(measuring metrics: some TextMeasuring) -> Size {
        let extents = metrics.measure(text, style: style)
        return Size(width: extents.width + 4, height: extents.height + 2)
    }

    /// Draws the halo filling `box` and the text inside it.
    func draw<C: Canvas>(in box: Rect, on canvas: inout C) {
        canvas.fill(box, with: Color.white.withAlpha(0.85))
        canvas.drawText(text, at: Point(x: box.minX + 2, y: box.minY + 1), style: style, anchor: .topLeading)
    }
}
