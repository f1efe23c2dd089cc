import Foundation
import Plotting
import Testing

/// Issue 16 item 1: curves at the resolution they are seen.
@Suite struct SimplificationTests {
    /// A noisy 10,000-epoch curve over a 400-unit plot: 25 epochs per unit, like q3-loss.
    static func noisyCurve(count: Int = 10_000, width: Double = 400) -> [Point] {
        var random = SampleFigures.LCG(state: 9)
        return (0..<count).map { index in
            let x = 40 + width * Double(index) / Double(count - 1)
            let y = 30 + 200 * exp(-Double(index) / 1500) + 6 * (random.next() - 0.5) + (index % 997 == 0 ? 40 : 0)
            return Point(x: x, y: y)
        }
    }

    /// The largest distance from a point of `full` (its vertices and the midpoints of its
    /// segments) to the polyline `simplified`, i.e. to its nearest segment. The curves here
    /// run left to right (x never decreases), so the search starts at the segment drawn in the
    /// point's place and widens only to segments whose x-range comes within the best distance
    /// so far: exact, and linear in practice rather than points × segments.
    static func deviation(_ full: [Point], from simplified: [Point]) -> Double {
        precondition(zip(full, full.dropFirst()).allSatisfy { $0.x <= $1.x }, "the curve must run left to right")
        let segments = Array(zip(simplified, simplified.dropFirst()))
        var worst = 0.0
        var kept = 0
        func distance(_ p: Point, near start: Int) -> Double {
            var best = PolylineSimplifier.segmentDistance(p, segments[start].0, segments[start].1)
            var left = start - 1
            while left >= 0, segments[left].1.x >= p.x - best {
                best = min(best, PolylineSimplifier.segmentDistance(p, segments[left].0, segments[left].1))
                left -= 1
            }
            var right = start + 1
            while right < segments.count, segments[right].0.x <= p.x + best {
                best = min(best, PolylineSimplifier.segmentDistance(p, segments[right].0, segments[right].1))
                right += 1
            }
            return best
        }
        for (index, point) in full.enumerated() {
            if kept + 1 < segments.count, point == segments[kept].1 { kept += 1 }
            worst = max(worst, distance(point, near: kept))
            if index + 1 < full.count {
                let next = full[index + 1]
                worst = max(worst, distance(Point(x: (point.x + next.x) / 2, y: (point.y + next.y) / 2), near: kept))
            }
        }
        return worst
    }

    @Test func simplifiedCurveStaysWithinAQuarterPixel() {
        let full = Self.noisyCurve()
        let simplified = PolylineSimplifier.simplify(full)
        let deviation = Self.deviation(full, from: simplified)
        #expect(deviation <= PolylineSimplifier.maximumDeviation)
        #expect(PolylineSimplifier.maximumDeviation < 0.25)
        // Noise of ±3 units at 25 points per unit is visible detail: much of it must stay.
        #expect(simplified.count < full.count, "kept \(simplified.count) of \(full.count)")
        #expect(simplified.first == full.first && simplified.last == full.last)
    }

    @Test func smoothCurvesShrinkToAFewPoints() {
        let full = (0..<10_000).map { Point(x: 40 + 0.04 * Double($0), y: 30 + 200 * exp(-Double($0) / 1500)) }
        let simplified = PolylineSimplifier.simplify(full)
        #expect(simplified.count < 150, "kept \(simplified.count)")
        #expect(Self.deviation(full, from: simplified) <= PolylineSimplifier.maximumDeviation)
    }

    @Test func keptIndicesSurviveAndGapsStayGaps() {
        let full = Self.noisyCurve(count: 2000)
        var withGap: [Point?] = full
        withGap[1000] = nil
        let simplified = PolylineSimplifier.simplify(withGap, keeping: [1234])
        #expect(simplified.contains(full[1234]))
        #expect(simplified.filter { $0 == nil }.count == 1)
        #expect(simplified.contains(full[999]) && simplified.contains(full[1001]))
    }

    @Test func theMarkedCrossingIsAVertexOfTheDrawnBoldCurve() {
        let values = (0..<10_000).map { 0.5 * exp(-Double($0) / 1200) + 0.01 }
        let threshold = 0.05
        let exact = values.firstIndex { $0 <= threshold }!
        let chart = LossChart(training: nil, test: .init(values: values), threshold: .init(value: threshold))
        #expect(chart.thresholdCrossing?.epoch == Double(exact))
        let check = LabelCheck(chart)
        let geometry = chart.geometry(measuring: sharedRenderer.fontMetrics)
        let marker = geometry.position(x: Double(exact), y: values[exact])
        let curve = check.strokedPolylines(minimumWidth: 1.5).max { $0.count < $1.count }!
        #expect(curve.contains(marker), "the curve must pass exactly through the marker at epoch \(exact)")
        #expect(curve.count < 1000, "drawn \(curve.count) points")
    }
}
