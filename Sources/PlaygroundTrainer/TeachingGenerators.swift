#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The two generators beyond the Playground's, chosen for teaching. Both draw from the same
/// ARC4 stream as the Playground's generators (`SeedRandom`), use `randUniform` only, make 500
/// points, and take noise in the Playground's units (0–50, used as noise/100), so a seed fixes
/// the data, the shuffle and the initial weights exactly as on a Playground page.
extension Dataset {
    /// Default number of cells per side of the checkerboard.
    public static let defaultCheckerboardCells = 4
    /// Cells per side a checkerboard may have: 2 (the XOR quadrants) to 12.
    public static let checkerboardCellRange = 2...12

    /// Moons: two interleaved half circles of radius 3 (scikit-learn's `make_moons`, centred and
    /// scaled by 3 to fill the Playground's plane). 250 points per class; for each point one
    /// angle `t = randUniform(0, π)` and two noise draws `u, v = randUniform(−1, 1)`:
    ///
    ///     class +1 (upper moon): x = 3·cos t − 1.5 + 3·noise·u,  y = 3·sin t − 0.75 + 3·noise·v
    ///     class −1 (lower moon): x = 1.5 − 3·cos t + 3·noise·u,  y = 0.75 − 3·sin t + 3·noise·v
    ///
    /// with noise = UI noise / 100. All +1 points come first, then all −1 points (the Playground's
    /// generators do the same; the shuffle mixes them). The label is the moon the point was drawn
    /// from, as in the Playground's spiral: noise moves points, it never relabels them. No
    /// straight line separates the moons, one hidden layer does.
    static func generateMoons(noise: Double, random: inout SeedRandom) -> [DataPoint] {
        var points: [DataPoint] = []
        points.reserveCapacity(500)
        for (sign, label) in [(1.0, 1.0), (-1.0, -1.0)] {
            for _ in 0..<250 {
                let t = random.uniform(0, Double.pi)
                let u = random.uniform(-1, 1)
                let v = random.uniform(-1, 1)
                let x = sign * (3 * cos(t) - 1.5) + 3 * noise * u
                let y = sign * (3 * sin(t) - 0.75) + 3 * noise * v
                points.append(DataPoint(x: x, y: y, label: label, generationIndex: points.count))
            }
        }
        return points
    }

    /// Checkerboard: the square [−5, 5]² cut into `cells × cells` squares of side s = 10/cells,
    /// the classes alternating like a chessboard's colours. For each of 500 points four draws, in
    /// the order of the Playground's XOR generator: `x, y = randUniform(−5, 5)`, then
    /// `nx, ny = randUniform(−5, 5)·noise` (noise = UI noise / 100); the label is that of the
    /// square the noisy position falls in:
    ///
    ///     label = +1 if ⌊(x + nx + 5)/s⌋ + ⌊(y + ny + 5)/s⌋ is even, else −1
    ///
    /// so the lower-left square is +1 (blue), and noise flips labels near the square edges as
    /// it does in the XOR data. `cells: 2` gives the XOR quadrants without their gap.
    static func generateCheckerboard(cells: Int, noise: Double, random: inout SeedRandom) -> [DataPoint] {
        let side = 10 / Double(cells)
        var points: [DataPoint] = []
        points.reserveCapacity(500)
        for _ in 0..<500 {
            let x = random.uniform(-5, 5)
            let y = random.uniform(-5, 5)
            let nx = random.uniform(-5, 5) * noise
            let ny = random.uniform(-5, 5) * noise
            points.append(
                DataPoint(
                    x: x, y: y, label: checkerboardLabel(x + nx, y + ny, side: side), generationIndex: points.count))
        }
        return points
    }

    /// The class of the square `(x, y)` lies in, squares of side `side` counted from (−5, −5).
    static func checkerboardLabel(_ x: Double, _ y: Double, side: Double) -> Double {
        let column = Int(((x + 5) / side).rounded(.down))
        let row = Int(((y + 5) / side).rounded(.down))
        return (column + row) % 2 == 0 ? 1 : -1
    }
}
