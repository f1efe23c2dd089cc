/// Places annotation labels ("epoch N", a threshold's label, notes) so that they stay inside an
/// area, never overlap each other, and cover as little of the curves as possible.
///
/// Each label comes with candidate positions in order of preference; the placer takes the first
/// one that is inside `bounds`, clear of every box placed so far and crosses no curve. When none
/// is entirely clear it takes the in-bounds, non-overlapping candidate that crosses the fewest
/// curve segments (a label on its halo over a curve still reads; two labels on each other do not).
struct LabelPlacer {
    var bounds: Rect
    /// Boxes already taken: earlier labels, markers.
    var occupied: [Rect] = []
    /// Curves (canvas points) labels should not hide.
    var curves: [[Point]] = []

    init(bounds: Rect, curves: [[Point]] = []) {
        self.bounds = bounds
        self.curves = curves
    }

    /// Picks one of `candidates` (boxes of the label's size) and marks it as taken.
    mutating func place(_ candidates: [Rect]) -> Rect? {
        var best: (box: Rect, crossings: Int)?
        for box in candidates {
            guard box.minX >= bounds.minX - 0.01, box.maxX <= bounds.maxX + 0.01, box.minY >= bounds.minY - 0.01,
                box.maxY <= bounds.maxY + 0.01, !occupied.contains(where: { $0.intersects(box) })
            else { continue }
            let crossings = crossingCount(box, limit: best?.crossings ?? .max)
            if crossings == 0 {
                best = (box, 0)
                break
            }
            if crossings < best?.crossings ?? .max { best = (box, crossings) }
        }
        guard let chosen = best?.box ?? candidates.first else { return nil }
        occupied.append(chosen)
        return chosen
    }

    /// How many curve segments touch `box`, counting no further than `limit`.
    func crossingCount(_ box: Rect, limit: Int) -> Int {
        var count = 0
        for curve in curves {
            for (a, b) in zip(curve, curve.dropFirst()) where Self.segment(a, b, touches: box) {
                count += 1
                if count >= limit { return count }
            }
        }
        return count
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
