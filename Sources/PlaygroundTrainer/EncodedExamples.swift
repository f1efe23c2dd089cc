/// A data set turned into network inputs once: feature-major values and labels, so lanes
/// can be filled without recomputing `sin` every epoch.
struct EncodedExamples {
    let count: Int
    let featureCount: Int
    /// `values[f * count + p]` is feature `f` of point `p`.
    let values: [Double]
    let labels: [Double]

    init(points: [DataPoint], features: [Feature]) {
        count = points.count
        featureCount = features.count
        var values = [Double](repeating: 0, count: count * features.count)
        for (f, feature) in features.enumerated() {
            for (p, point) in points.enumerated() {
                values[f * count + p] = feature.value(x: point.x, y: point.y)
            }
        }
        self.values = values
        labels = points.map(\.label)
    }

    /// Copies points `start..<start+lanes` into the engine's input lanes.
    @inline(__always)
    func load(into engine: LaneEngine, start: Int, lanes: Int) {
        values.withUnsafeBufferPointer { buffer in
            let capacity = LaneEngine.laneCapacity
            for f in 0..<featureCount {
                let source = buffer.baseAddress! + f * count + start
                let destination = engine.activation + f * capacity
                for e in 0..<lanes { destination[e] = source[e] }
            }
        }
    }
}
