#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One example: a position and its label (±1 for classification, a real value for regression).
public struct DataPoint: Hashable, Codable, Sendable {
    public var x: Double
    public var y: Double
    public var label: Double
    /// Index in the generator's output before the shuffle (the traces record it).
    public var generationIndex: Int
}

/// The shuffled points split into training and test sets.
public struct DataSplit: Hashable, Codable, Sendable {
    public var train: [DataPoint]
    public var test: [DataPoint]
}

/// The d3 v3 linear map `t = (v − d0)/(d1 − d0)`, `r0·(1 − t) + r1·t`, bit for bit.
@inline(__always)
func d3Linear(
    _ v: Double, domain: (Double, Double), range: (Double, Double), clamp: Bool = false
)
    -> Double
{
    var t = (v - domain.0) / (domain.1 - domain.0)
    if clamp { t = t < 0 ? 0 : (t > 1 ? 1 : t) }
    return range.0 * (1 - t) + range.1 * t
}

@inline(__always)
private func distance(_ x: Double, _ y: Double, _ cx: Double, _ cy: Double) -> Double {
    let dx = x - cx
    let dy = y - cy
    return (dx * dx + dy * dy).squareRoot()
}

extension Dataset {
    /// Generates the points in the Playground's order, drawing from `random` exactly as
    /// `dataset.ts` does. `noise` is in the Playground's UI units (0–50).
    /// `cells` is the checkerboard's cells per side; `file` makes no points (they are read).
    public func generate(
        noise uiNoise: Double, cells: Int = Dataset.defaultCheckerboardCells, random: inout SeedRandom
    ) -> [DataPoint] {
        let noise = uiNoise / 100
        switch self {
        case .moons: return Self.generateMoons(noise: noise, random: &random)
        case .checkerboard: return Self.generateCheckerboard(cells: cells, noise: noise, random: &random)
        case .file: return []
        default: break
        }
        let n = sampleCount
        var points: [DataPoint] = []
        points.reserveCapacity(n)
        func add(_ x: Double, _ y: Double, _ label: Double) {
            points.append(DataPoint(x: x, y: y, label: label, generationIndex: points.count))
        }
        switch self {
        case .gauss:
            let variance = d3Linear(noise, domain: (0, 0.5), range: (0.5, 4))
            for (cx, cy, label) in [(2.0, 2.0, 1.0), (-2.0, -2.0, -1.0)] {
                for _ in 0..<(n / 2) {
                    let x = random.normal(mean: cx, variance: variance)
                    let y = random.normal(mean: cy, variance: variance)
                    add(x, y, label)
                }
            }
        case .circle:
            let radius = 5.0
            for (low, high) in [(0.0, radius * 0.5), (radius * 0.7, radius)] {
                for _ in 0..<(n / 2) {
                    let r = random.uniform(low, high)
                    let angle = random.uniform(0, 2 * Double.pi)
                    let x = r * sin(angle)
                    let y = r * cos(angle)
                    let nx = random.uniform(-radius, radius) * noise
                    let ny = random.uniform(-radius, radius) * noise
                    let label: Double = distance(x + nx, y + ny, 0, 0) < radius * 0.5 ? 1 : -1
                    add(x, y, label)
                }
            }
        case .xor:
            for _ in 0..<n {
                var x = random.uniform(-5, 5)
                x += x > 0 ? 0.3 : -0.3
                var y = random.uniform(-5, 5)
                y += y > 0 ? 0.3 : -0.3
                let nx = random.uniform(-5, 5) * noise
                let ny = random.uniform(-5, 5) * noise
                add(x, y, (x + nx) * (y + ny) >= 0 ? 1 : -1)
            }
        case .spiral:
            let half = Double(n / 2)
            for (deltaT, label) in [(0.0, 1.0), (Double.pi, -1.0)] {
                for i in 0..<(n / 2) {
                    let fi = Double(i)
                    let r = fi / half * 5
                    let t = 1.75 * fi / half * 2 * Double.pi + deltaT
                    let x = r * sin(t) + random.uniform(-1, 1) * noise
                    let y = r * cos(t) + random.uniform(-1, 1) * noise
                    add(x, y, label)
                }
            }
        case .moons, .checkerboard, .file:
            break  // returned above
        case .regPlane, .regGauss:
            let radius = 6.0
            let centres: [(Double, Double, Double)] = [
                (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
            ]
            for _ in 0..<n {
                let x = random.uniform(-radius, radius)
                let y = random.uniform(-radius, radius)
                let nx = random.uniform(-radius, radius) * noise
                let ny = random.uniform(-radius, radius) * noise
                let px = x + nx
                let py = y + ny
                var label = 0.0
                if self == .regPlane {
                    label = d3Linear(px + py, domain: (-10, 10), range: (-1, 1))
                } else {
                    for (cx, cy, sign) in centres {
                        let value =
                            sign
                            * d3Linear(
                                distance(px, py, cx, cy), domain: (0, 2), range: (1, 0), clamp: true)
                        if abs(value) > abs(label) { label = value }
                    }
                }
                add(x, y, label)
            }
        }
        return points
    }
}

/// The Playground's in-place shuffle: exactly one draw per point.
func playgroundShuffle(_ points: inout [DataPoint], random: inout SeedRandom) {
    var counter = points.count
    while counter > 0 {
        let index = Int((random.next() * Double(counter)).rounded(.down))
        counter -= 1
        points.swapAt(counter, index)
    }
}

extension TrainingConfiguration {
    /// Training-set size: `floor(N·ratio/100)`, or the rows marked `train` in a file with a
    /// split column.
    public var trainCount: Int {
        if let pointSet, pointSet.hasSplit { return pointSet.rows.filter { $0.split == .train }.count }
        let n = Double(sampleCount)
        return Int((n * trainRatio / 100).rounded(.down))
    }

    /// Seeds a fresh stream, generates, shuffles and splits the data — the first steps of a
    /// Playground page load — and returns the stream positioned for weight initialisation.
    public func makeData(seed: String) -> (DataSplit, SeedRandom) {
        let (data, random, _, _) = makeDataCountingDraws(seed: seed)
        return (data, random)
    }

    /// `makeData` plus how many draws generation and shuffle took (the traces record them).
    func makeDataCountingDraws(seed: String) -> (DataSplit, SeedRandom, data: Int, shuffle: Int) {
        var random = SeedRandom(seed: seed)
        var points = generatePoints(random: &random)
        let dataDraws = random.drawCount
        playgroundShuffle(&points, random: &random)
        let data: DataSplit
        if let pointSet, pointSet.hasSplit {
            // The file's split column decides; the shuffle still orders each set.
            let isTrain = pointSet.rows.map { $0.split == .train }
            data = DataSplit(
                train: points.filter { isTrain[$0.generationIndex] }, test: points.filter { !isTrain[$0.generationIndex] })
        } else {
            let split = min(max(trainCount, 0), points.count)
            data = DataSplit(train: Array(points[..<split]), test: Array(points[split...]))
        }
        return (data, random, dataDraws, random.drawCount - dataDraws)
    }

    /// The points before the shuffle: a file's rows in file order, or the generator's output.
    func generatePoints(random: inout SeedRandom) -> [DataPoint] {
        if let pointSet {
            return pointSet.rows.enumerated().map { DataPoint(x: $1.x, y: $1.y, label: $1.label, generationIndex: $0) }
        }
        return dataset.generate(noise: noise, cells: cells ?? Dataset.defaultCheckerboardCells, random: &random)
    }
}
