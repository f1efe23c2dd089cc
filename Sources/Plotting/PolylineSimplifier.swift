/// Reduces a polyline to the points its drawing can show, so a 10,000-epoch curve in a 400 px
/// chart costs a few hundred path points instead of 10,000 (issue 16: vector files a tenth of
/// the size) while looking the same.
///
/// Two passes, both in canvas units (1 unit = 1 px at 1×):
/// 1. Per column of `columnWidth` (a quarter of a 2× device pixel), keep the first, last,
///    lowest and highest point, in their original order (the "M4" reduction). Every dropped
///    point lies inside its column's box, which the kept points span, so it stays within one
///    column width of the result.
/// 2. Douglas–Peucker with `tolerance` on what remains: every dropped point is within
///    `tolerance` of the segment that replaces it.
/// The two errors add up to at most `maximumDeviation` (0.225 units): under a quarter of a
/// 1× pixel. Indices in `keeping` (a marked threshold crossing, the first epoch at the target)
/// always survive, so markers sit exactly on the drawn curve.
public enum PolylineSimplifier {
    public static let columnWidth = 0.125
    public static let tolerance = 0.1
    /// The proven bound on the distance between any point of the full polyline and the simplified one.
    public static var maximumDeviation: Double { columnWidth + tolerance }

    /// Simplifies each unbroken run of `points` (runs are separated by `nil`, as in `Path.polyline`).
    public static func simplify(_ points: [Point?], keeping: Set<Int> = []) -> [Point?] {
        var result: [Point?] = []
        var run: [Point] = []
        var runKeep: Set<Int> = []
        func flush() {
            if !run.isEmpty {
                if !result.isEmpty { result.append(nil) }
                result += simplify(run, keeping: runKeep).map { Optional($0) }
            }
            run = []
            runKeep = []
        }
        for (index, point) in points.enumerated() {
            guard let point else { flush(); continue }
            if keeping.contains(index) { runKeep.insert(run.count) }
            run.append(point)
        }
        flush()
        return result
    }

    /// Simplifies one unbroken polyline.
    public static func simplify(_ points: [Point], keeping: Set<Int> = []) -> [Point] {
        guard points.count > 2 else { return points }
        let columns = columnExtremes(points, keeping: keeping)
        return douglasPeucker(points, candidates: columns, keeping: keeping)
    }

    /// Pass 1: indices of the first, last, lowest and highest point of every column, plus `keeping`.
    /// Columns are consecutive stretches of points with the same `floor(x / columnWidth)`.
    static func columnExtremes(_ points: [Point], keeping: Set<Int>) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(min(points.count, 4096))
        var start = 0
        while start < points.count {
            let column = (points[start].x / columnWidth).rounded(.down)
            var end = start + 1
            var low = start, high = start
            while end < points.count, (points[end].x / columnWidth).rounded(.down) == column {
                if points[end].y < points[low].y { low = end }
                if points[end].y > points[high].y { high = end }
                end += 1
            }
            var chosen = [start, low, high, end - 1]
            for index in keeping where index >= start && index < end { chosen.append(index) }
            chosen.sort()
            for index in chosen where kept.last != index { kept.append(index) }
            start = end
        }
        return kept
    }

    /// Pass 2: Douglas–Peucker over `candidates` (indices into `points`, ascending), iterative
    /// so long curves cannot overflow the stack.
    static func douglasPeucker(_ points: [Point], candidates: [Int], keeping: Set<Int>) -> [Point] {
        guard candidates.count > 2 else { return candidates.map { points[$0] } }
        var keep = [Bool](repeating: false, count: candidates.count)
        keep[0] = true
        keep[candidates.count - 1] = true
        for (position, index) in candidates.enumerated() where keeping.contains(index) { keep[position] = true }
        var stack: [(Int, Int)] = []
        // Forced points split the polyline first; each piece is simplified on its own.
        var previous = 0
        for position in 1..<candidates.count where keep[position] {
            stack.append((previous, position))
            previous = position
        }
        while let (first, last) = stack.popLast() {
            guard last - first > 1 else { continue }
            let a = points[candidates[first]], b = points[candidates[last]]
            var farthest = first, distance = 0.0
            for position in (first + 1)..<last {
                let d = segmentDistance(points[candidates[position]], a, b)
                if d > distance { (farthest, distance) = (position, d) }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return candidates.indices.filter { keep[$0] }.map { points[candidates[$0]] }
    }

    /// The distance from `p` to the segment `a`–`b`.
    public static func segmentDistance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared : 0
        t = max(0, min(1, t))
        let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
        return (x * x + y * y).squareRoot()
    }
}
