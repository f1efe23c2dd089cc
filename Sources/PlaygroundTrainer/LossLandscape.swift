import Foundation

/// The mean training loss of any network of one configuration on one seed's training set, by
/// the trainer's own forward pass and loss (the evaluation its epochs record): what the loss
/// landscape is drawn from, so that its value at the final weights is the run's final
/// training loss bit for bit. A reference type holding its own engine: one per thread.
public final class LossEvaluator {
    let configuration: TrainingConfiguration
    let engine: LaneEngine
    let train: EncodedExamples

    /// The training set of `seed` (shared by every reset of that seed), encoded once.
    public init(configuration: TrainingConfiguration, seed: String) {
        self.configuration = configuration
        engine = LaneEngine(
            layerSizes: configuration.layerSizes, hidden: configuration.activation,
            output: configuration.outputActivation, loss: configuration.loss)
        train = EncodedExamples(points: configuration.makeData(seed: seed).0.train, features: configuration.features)
    }

    /// The mean training loss (without the regularization penalty) of `parameters`.
    public func meanLoss(_ parameters: NetworkParameters) -> Double {
        engine.load(parameters)
        return train.evaluate(on: engine, configuration: configuration).loss
    }
}

/// A 2-D slice of weight space through a network's parameters `center`: the point
/// center + α·first + β·second, for directions `first` and `second` over every weight and bias
/// (link order, then node order).
///
/// The directions are filter-normalised random directions after Li et al. (2018), "Visualizing
/// the Loss Landscape of Neural Nets", with a neuron as the filter: for each neuron, its
/// incoming weights and its bias are drawn from a standard normal distribution and scaled so
/// that together they have the norm of that neuron's incoming weights and bias in `center`. So
/// α = 1 moves every neuron by about its own size, whatever the scale of its layer. Links killed
/// by L1 regularization get 0 (they stay dead). The draws come from the Playground's seeded
/// generator, seeded with `"landscape " + seed`: the first direction, then the second.
///
/// Or, ``init(center:towards:seed:)``, a slice through the start of training: the first
/// direction is the whole step from the center back to the initial weights (α = 1 is the
/// initial network exactly, β = 0), and the second the first filter-normalised random direction
/// with its part along the first removed (Gram–Schmidt), scaled back to its length before —
/// so β still moves the network by about each neuron's own size, and the path's start and end
/// both lie in the slice.
public struct LandscapeSlice: Sendable, Hashable {
    public let center: NetworkParameters
    public let first: [Double]
    public let second: [Double]

    public init(center: NetworkParameters, seed: String) {
        self.center = center
        var random = SeedRandom(seed: "landscape " + seed)
        first = Self.direction(center, &random)
        second = Self.direction(center, &random)
    }

    /// The slice through `center` and `start` (the initial weights). A run that never moved
    /// (`start` equal to `center`, e.g. `epochs: 0`) has no such direction: it gets the two
    /// random directions of ``init(center:seed:)``.
    public init(center: NetworkParameters, towards start: NetworkParameters, seed: String) {
        let all = center.weights + center.biases
        let toStart = zip(start.weights + start.biases, all).map { $0 - $1 }
        guard toStart.contains(where: { $0 != 0 }) else {
            self.init(center: center, seed: seed)
            return
        }
        var random = SeedRandom(seed: "landscape " + seed)
        let drawn = Self.direction(center, &random)
        let along = Self.dot(drawn, toStart) / Self.dot(toStart, toStart)
        var orthogonal = zip(drawn, toStart).map { $0 - along * $1 }
        let (before, after) = (Self.dot(drawn, drawn).squareRoot(), Self.dot(orthogonal, orthogonal).squareRoot())
        if after > 0 { orthogonal = orthogonal.map { $0 * before / after } }
        self.init(center: center, first: toStart, second: orthogonal)
    }

    private init(center: NetworkParameters, first: [Double], second: [Double]) {
        self.center = center
        self.first = first
        self.second = second
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The network at (α, β) on the slice; at (0, 0) the center itself, untouched.
    public func parameters(alpha: Double, beta: Double) -> NetworkParameters {
        guard alpha != 0 || beta != 0 else { return center }
        var p = center
        let w = p.weights.count
        for k in 0..<w { p.weights[k] += alpha * first[k] + beta * second[k] }
        for k in 0..<p.biases.count { p.biases[k] += alpha * first[w + k] + beta * second[w + k] }
        return p
    }

    /// Where `parameters` (weights then biases, as ``RecordedRun/parameterHistory`` keeps them)
    /// fall on the slice: the least-squares projection of their offset from the center onto
    /// the two directions. The center itself is (0, 0) exactly.
    public func project(_ parameters: [Double]) -> (alpha: Double, beta: Double) {
        let all = center.weights + center.biases
        var (aa, ab, bb, ad, bd) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for k in 0..<all.count {
            let d = parameters[k] - all[k]
            aa += first[k] * first[k]
            ab += first[k] * second[k]
            bb += second[k] * second[k]
            ad += first[k] * d
            bd += second[k] * d
        }
        let determinant = aa * bb - ab * ab
        guard determinant > 0 else { return (0, 0) }
        return ((bb * ad - ab * bd) / determinant, (aa * bd - ab * ad) / determinant)
    }

    /// One filter-normalised direction (weights then biases).
    static func direction(_ center: NetworkParameters, _ random: inout SeedRandom) -> [Double] {
        let sizes = center.layerSizes
        let w = center.weights.count
        var direction = [Double](repeating: 0, count: w + center.biases.count)
        let dead = Set(center.deadLinks)
        var link = 0
        var node = 0
        for layer in 1..<sizes.count {
            for _ in 0..<sizes[layer] {
                let indices = (link..<(link + sizes[layer - 1])).filter { !dead.contains($0) } + [w + node]
                var drawn = indices.map { _ in gaussian(&random) }
                let target = indices.reduce(0.0) { $0 + square(value(center, $1, w)) }.squareRoot()
                let norm = drawn.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
                if norm > 0 { drawn = drawn.map { $0 * target / norm } }
                for (index, value) in zip(indices, drawn) { direction[index] = value }
                link += sizes[layer - 1]
                node += 1
            }
        }
        return direction
    }

    private static func value(_ p: NetworkParameters, _ index: Int, _ w: Int) -> Double {
        index < w ? p.weights[index] : p.biases[index - w]
    }

    private static func square(_ x: Double) -> Double { x * x }

    /// A standard normal draw (Box–Muller on two uniform draws).
    private static func gaussian(_ random: inout SeedRandom) -> Double {
        let u = random.next()
        let v = random.next()
        return (-2 * log(1 - u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
