#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The numerical core: a fully connected network evaluated and trained on several examples
/// "side by side" (lanes), in flat buffers.
///
/// Examples that share the same weights — those of one mini-batch, or of a loss evaluation —
/// run in lanes: every per-example value is computed with exactly the operations, in exactly
/// the order, that the Playground uses for one example at a time, and every sum over examples
/// (gradient accumulation, loss) still adds the examples in their order. So the bits are the
/// Playground's, while the inner loops run over lanes and vectorise.
final class LaneEngine {
    /// How many examples run side by side at most.
    static let laneCapacity = 64

    let layerSizes: [Int]
    let layerStart: [Int]
    let nodeCount: Int
    let linkCount: Int
    let hiddenActivation: Activation
    let outputActivation: Activation
    let lossFunction: LossFunction

    /// First incoming link of each node (links into a node are contiguous).
    private let linkStart: [Int]
    /// Number of incoming links of each node (the previous layer's size; 0 for inputs).
    private let incomingCount: [Int]

    let weights: UnsafeMutablePointer<Double>
    let dead: UnsafeMutablePointer<Bool>
    /// Per node; input nodes' entries are unused.
    let biases: UnsafeMutablePointer<Double>
    private let accumulatedWeightGradient: UnsafeMutablePointer<Double>
    private let accumulatedBiasGradient: UnsafeMutablePointer<Double>
    private(set) var accumulatedCount = 0

    /// Lane buffers, `nodeCount × laneCapacity`, node-major.
    private let preActivation: UnsafeMutablePointer<Double>
    let activation: UnsafeMutablePointer<Double>
    private let outputDerivative: UnsafeMutablePointer<Double>
    private let delta: UnsafeMutablePointer<Double>
    private let targets: UnsafeMutablePointer<Double>

    init(layerSizes: [Int], hidden: Activation, output: Activation, loss: LossFunction) {
        self.layerSizes = layerSizes
        var starts: [Int] = []
        var total = 0
        for size in layerSizes {
            starts.append(total)
            total += size
        }
        layerStart = starts
        nodeCount = total
        hiddenActivation = hidden
        outputActivation = output
        lossFunction = loss
        var linkStarts = [Int](repeating: 0, count: total)
        var incoming = [Int](repeating: 0, count: total)
        var links = 0
        for layer in 1..<layerSizes.count {
            for node in starts[layer]..<(starts[layer] + layerSizes[layer]) {
                linkStarts[node] = links
                incoming[node] = layerSizes[layer - 1]
                links += layerSizes[layer - 1]
            }
        }
        linkStart = linkStarts
        incomingCount = incoming
        linkCount = links

        func buffer(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            return pointer
        }
        weights = buffer(links)
        dead = UnsafeMutablePointer<Bool>.allocate(capacity: max(links, 1))
        dead.initialize(repeating: false, count: max(links, 1))
        biases = buffer(total)
        accumulatedWeightGradient = buffer(links)
        accumulatedBiasGradient = buffer(total)
        let lanes = total * Self.laneCapacity
        preActivation = buffer(lanes)
        activation = buffer(lanes)
        outputDerivative = buffer(lanes)
        delta = buffer(lanes)
        targets = buffer(Self.laneCapacity)
    }

    deinit {
        for pointer in [
            weights, biases, accumulatedWeightGradient, accumulatedBiasGradient, preActivation,
            activation, outputDerivative, delta, targets,
        ] {
            pointer.deallocate()
        }
        dead.deallocate()
    }

    var outputNode: Int { nodeCount - 1 }
    var inputCount: Int { layerSizes[0] }

    // MARK: - Parameters

    func load(_ parameters: NetworkParameters) {
        precondition(parameters.layerSizes == layerSizes && parameters.weights.count == linkCount)
        for k in 0..<linkCount {
            weights[k] = parameters.weights[k]
            dead[k] = false
        }
        for k in parameters.deadLinks { dead[k] = true }
        for (offset, bias) in parameters.biases.enumerated() { biases[layerSizes[0] + offset] = bias }
    }

    var parameters: NetworkParameters {
        NetworkParameters(
            layerSizes: layerSizes,
            weights: Array(UnsafeBufferPointer(start: weights, count: linkCount)),
            biases: Array(UnsafeBufferPointer(start: biases + layerSizes[0], count: nodeCount - layerSizes[0])),
            deadLinks: (0..<linkCount).filter { dead[$0] })
    }

    // MARK: - Lanes

    /// Writes one example's inputs into lane `lane`.
    @inline(__always)
    func setInput(_ feature: Int, lane: Int, value: Double) {
        activation[feature * Self.laneCapacity + lane] = value
    }

    /// Forward pass of lanes `0..<count` (inputs already set); from `first` on, the layer
    /// before it already set (the hidden-space figure's output over a hidden layer's plane).
    func forward(count: Int, fromLayer first: Int = 1) {
        let capacity = Self.laneCapacity
        for layer in first..<layerSizes.count {
            let function = layer == layerSizes.count - 1 ? outputActivation : hiddenActivation
            let previousStart = layerStart[layer - 1]
            let previousSize = layerSizes[layer - 1]
            for node in layerStart[layer]..<(layerStart[layer] + layerSizes[layer]) {
                let z = preActivation + node * capacity
                let a = activation + node * capacity
                let bias = biases[node]
                for e in 0..<count { z[e] = bias }
                var link = linkStart[node]
                for source in previousStart..<(previousStart + previousSize) {
                    let w = weights[link]
                    let input = activation + source * capacity
                    for e in 0..<count { z[e] = z[e] + w * input[e] }
                    link += 1
                }
                switch function {
                case .tanh: for e in 0..<count { a[e] = tanh(z[e]) }
                case .relu:
                    for e in 0..<count {
                        let v = z[e]
                        a[e] = v > 0 || v.isNaN ? v : 0
                    }
                case .sigmoid: for e in 0..<count { a[e] = 1 / (1 + exp(-z[e])) }
                case .linear: for e in 0..<count { a[e] = z[e] }
                }
            }
        }
    }

    /// The output node's value in lane `lane` after `forward`.
    @inline(__always)
    func output(lane: Int) -> Double { activation[outputNode * Self.laneCapacity + lane] }

    /// Back-propagates lanes `0..<count` against `labels` (±1 or real values) and adds their
    /// gradients, in lane order, to the accumulators.
    func backward(count: Int, labels: UnsafePointer<Double>) {
        let capacity = Self.laneCapacity
        let last = layerSizes.count - 1
        let outputA = activation + outputNode * capacity
        let outputDer = outputDerivative + outputNode * capacity
        switch lossFunction {
        case .squared:
            for e in 0..<count { outputDer[e] = outputA[e] - labels[e] }
        case .crossEntropy:
            // dE/dz of binary cross-entropy through a sigmoid is a − y; it is stored as the
            // output derivative and the output's f′ is taken as 1 below.
            for e in 0..<count { outputDer[e] = outputA[e] - (labels[e] > 0 ? 1 : 0) }
        }
        for layer in stride(from: last, through: 1, by: -1) {
            var function = layer == last ? outputActivation : hiddenActivation
            if layer == last && lossFunction == .crossEntropy { function = .linear }
            let range = layerStart[layer]..<(layerStart[layer] + layerSizes[layer])
            for node in range {
                let d = delta + node * capacity
                let der = outputDerivative + node * capacity
                let a = activation + node * capacity
                switch function {
                case .tanh: for e in 0..<count { d[e] = der[e] * (1 - a[e] * a[e]) }
                case .sigmoid: for e in 0..<count { d[e] = der[e] * (a[e] * (1 - a[e])) }
                case .relu:
                    let z = preActivation + node * capacity
                    for e in 0..<count { d[e] = der[e] * (z[e] <= 0 ? 0 : 1) }
                case .linear: for e in 0..<count { d[e] = der[e] * 1 }
                }
                var sum = accumulatedBiasGradient[node]
                for e in 0..<count { sum += d[e] }
                accumulatedBiasGradient[node] = sum
            }
            let previousStart = layerStart[layer - 1]
            let previousSize = layerSizes[layer - 1]
            for node in range {
                let d = delta + node * capacity
                var link = linkStart[node]
                for source in previousStart..<(previousStart + previousSize) {
                    if !dead[link] {
                        let input = activation + source * capacity
                        var sum = accumulatedWeightGradient[link]
                        for e in 0..<count { sum += d[e] * input[e] }
                        accumulatedWeightGradient[link] = sum
                    }
                    link += 1
                }
            }
            if layer == 1 { continue }
            for source in previousStart..<(previousStart + previousSize) {
                let der = outputDerivative + source * capacity
                for e in 0..<count { der[e] = 0 }
                let offset = source - previousStart
                for node in range {
                    let w = weights[linkStart[node] + offset]
                    let d = delta + node * capacity
                    for e in 0..<count { der[e] = der[e] + w * d[e] }
                }
            }
        }
        accumulatedCount += count
    }

    /// `updateWeights(lr, regRate)`: applies and clears the accumulated mean gradients.
    func update(learningRate: Double, regularization: Regularization, regularizationRate: Double) {
        guard accumulatedCount > 0 else { return }
        let n = Double(accumulatedCount)
        let penaltyStep = learningRate * regularizationRate
        let weightStep = learningRate / n
        for node in layerSizes[0]..<nodeCount {
            biases[node] = biases[node] - (learningRate * accumulatedBiasGradient[node]) / n
            accumulatedBiasGradient[node] = 0
            let start = linkStart[node]
            for link in start..<(start + incomingCount[node]) where !dead[link] {
                let w = weights[link]
                let penaltyDerivative = regularization.derivative(w)
                let stepped = w - weightStep * accumulatedWeightGradient[link]
                let penalised = stepped - penaltyStep * penaltyDerivative
                if regularization == .l1 && stepped * penalised < 0 {
                    weights[link] = 0
                    dead[link] = true
                } else {
                    weights[link] = penalised
                }
                accumulatedWeightGradient[link] = 0
            }
        }
        accumulatedCount = 0
    }

    /// Lane `lane`'s per-node values after `forward` and `backward`: pre-activation z, output
    /// a, the derivative of the error by a, and δ (by z). Input nodes have only a. Read-only:
    /// the backward-pass card shows the trainer's own numbers.
    func laneValues(lane: Int) -> (z: [Double], a: [Double], errorDerivative: [Double], delta: [Double]) {
        let capacity = Self.laneCapacity
        func column(_ buffer: UnsafeMutablePointer<Double>) -> [Double] {
            (0..<nodeCount).map { buffer[$0 * capacity + lane] }
        }
        return (column(preActivation), column(activation), column(outputDerivative), column(delta))
    }

    /// Mean accumulated gradients (for gradient checks), without applying them.
    var meanGradients: (weights: [Double], biases: [Double]) {
        let n = Double(max(accumulatedCount, 1))
        return (
            (0..<linkCount).map { accumulatedWeightGradient[$0] / n },
            (layerSizes[0]..<nodeCount).map { accumulatedBiasGradient[$0] / n }
        )
    }
}
