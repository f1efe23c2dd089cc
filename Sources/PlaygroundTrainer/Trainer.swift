#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Trains networks exactly as the TensorFlow Playground does (see
/// `playground-semantics.md`), plus Labbook's opt-in extensions.
///
/// The trainer knows nothing about files or pictures: configurations in, numbers out.
public struct Trainer: Sendable {
    /// Changes whenever a change to the trainer could change any number it produces; build
    /// caches include it in their keys.
    public static let version = "playground-trainer/2"

    public let configuration: TrainingConfiguration

    public init(configuration: TrainingConfiguration) {
        self.configuration = configuration
    }

    /// Runs one seed: the page load (data, shuffle, split, weights), epoch 0, then up to
    /// `epochs` epochs. `reset` is how many times the Playground's reset button was pressed
    /// first (0 = the fresh page): same data, the `reset`-th network drawn after the one the
    /// page built. `progress` is called with the epoch number every 50 epochs and at the end.
    public func run(seed: String? = nil, reset: Int = 0, progress: (Int) -> Void = { _ in }) -> RunResult {
        let session = TrainingSession(configuration: configuration, seed: seed ?? configuration.seed, reset: reset)
        return session.run(progress: progress)
    }
}

/// One network of the Playground and the epochs after it: what the page holds between presses
/// of "step". Public so that benchmarks and live tools can step a run one epoch at a time.
public final class TrainingSession {
    let configuration: TrainingConfiguration
    let seed: String
    /// Presses of the reset button before this network (0 = the page as loaded).
    let reset: Int
    let data: DataSplit
    let engine: LaneEngine
    let train: EncodedExamples
    let test: EncodedExamples
    let initial: NetworkParameters
    let draws: DrawCounts

    /// The page loaded with `seed`, then `reset` presses of the reset button: the reset
    /// button rebuilds the network from the stream that continues after the data and the
    /// previous networks, without reseeding and without touching the data (semantics §2.3).
    public init(configuration: TrainingConfiguration, seed: String, reset: Int = 0) {
        precondition(reset >= 0, "a reset index counts presses of the reset button")
        self.configuration = configuration
        self.seed = seed
        self.reset = reset
        var (split, random, dataDraws, shuffleDraws) = configuration.makeDataCountingDraws(seed: seed)
        data = split
        for _ in 0..<reset { _ = configuration.initialParameters(random: &random) }
        let weightsOffset = random.drawCount

        engine = LaneEngine(
            layerSizes: configuration.layerSizes,
            hidden: configuration.activation,
            output: configuration.outputActivation,
            loss: configuration.loss)
        var parameters = configuration.initialParameters(random: &random)
        // Hand-set values that do not fit are a `validate()` problem, reported before any run.
        if let handSet = try? configuration.applyingHandSet(to: parameters) { parameters = handSet }
        engine.load(parameters)
        initial = parameters
        draws = DrawCounts(
            data: dataDraws, shuffle: shuffleDraws,
            weights: random.drawCount - weightsOffset, weightsOffset: weightsOffset)
        train = EncodedExamples(points: data.train, features: configuration.features)
        test = EncodedExamples(points: data.test, features: configuration.features)
    }

    /// One `oneStep`: a pass over the training set in its fixed order, updating after every
    /// `batchSize` examples counted within the epoch; leftovers stay accumulated.
    func trainOneEpoch() {
        let batchSize = configuration.batchSize
        let capacity = LaneEngine.laneCapacity
        var start = 0
        train.labels.withUnsafeBufferPointer { labels in
            while start < train.count {
                let nextBoundary = (start / batchSize + 1) * batchSize
                let end = min(nextBoundary, train.count, start + capacity)
                let lanes = end - start
                train.load(into: engine, start: start, lanes: lanes)
                engine.forward(count: lanes)
                engine.backward(count: lanes, labels: labels.baseAddress! + start)
                if end % batchSize == 0 {
                    engine.update(
                        learningRate: configuration.learningRate,
                        regularization: configuration.regularization,
                        regularizationRate: configuration.regularizationRate)
                }
                start = end
            }
        }
    }

    /// One `oneStep`: the training pass and both losses, as the Playground computes per epoch.
    @discardableResult
    public func step() -> (trainLoss: Double, testLoss: Double) {
        trainOneEpoch()
        return (evaluate(train).loss, evaluate(test).loss)
    }

    /// Mean loss (without the regularization penalty) and, for classification, accuracy.
    func evaluate(_ set: EncodedExamples) -> (loss: Double, accuracy: Double?) {
        set.evaluate(on: engine, configuration: configuration)
    }

    /// `observe` is called after every recorded epoch with the epoch, the network as the run
    /// would end there and both losses; it only reads.
    func run(
        progress: (Int) -> Void,
        observe: ((_ epoch: Int, _ parameters: NetworkParameters, _ trainLoss: Double, _ testLoss: Double) -> Void)? = nil
    ) -> RunResult {
        let rule = configuration.stopRule
        let classification = !configuration.isRegression
        var trainLoss: [Double] = []
        var testLoss: [Double] = []
        var trainAccuracy: [Double] = []
        var testAccuracy: [Double] = []
        trainLoss.reserveCapacity(configuration.epochs + 1)
        testLoss.reserveCapacity(configuration.epochs + 1)
        var status = RunStatus.completed
        var targetEpoch: Int? = nil
        var divergedAt: Int? = nil
        var lastGood = initial
        var afterFirst: NetworkParameters? = nil

        var epoch = 0
        while true {
            if epoch > 0 { trainOneEpoch() }
            let trainMetrics = evaluate(train)
            let testMetrics = evaluate(test)
            if !trainMetrics.loss.isFinite || !testMetrics.loss.isFinite {
                status = .diverged
                divergedAt = epoch
                break
            }
            trainLoss.append(trainMetrics.loss)
            testLoss.append(testMetrics.loss)
            if classification {
                trainAccuracy.append(trainMetrics.accuracy ?? 0)
                testAccuracy.append(testMetrics.accuracy ?? 0)
            }
            if epoch > 0 { lastGood = engine.parameters }
            if epoch == 1 { afterFirst = lastGood }
            observe?(epoch, lastGood, trainMetrics.loss, testMetrics.loss)
            if let rule {
                let value: Double =
                    switch rule.metric {
                    case .trainLoss: trainMetrics.loss
                    case .testLoss: testMetrics.loss
                    case .trainAccuracy: trainMetrics.accuracy ?? 0
                    case .testAccuracy: testMetrics.accuracy ?? 0
                    }
                if rule.comparison.holds(value, rule.threshold) {
                    targetEpoch = epoch
                    status = .reachedTarget
                    break
                }
            }
            if epoch >= configuration.epochs { break }
            epoch += 1
            if epoch % 50 == 0 { progress(epoch) }
        }
        progress(epoch)
        return RunResult(
            seed: seed, reset: reset, status: status, trainLoss: trainLoss, testLoss: testLoss,
            trainAccuracy: classification ? trainAccuracy : nil,
            testAccuracy: classification ? testAccuracy : nil,
            targetEpoch: targetEpoch, divergedAtEpoch: divergedAt,
            initial: initial, final: lastGood, afterFirstEpoch: afterFirst, draws: draws)
    }
}

/// Binary cross-entropy of a sigmoid output; the output is kept inside [1e-15, 1 − 1e-15] so
/// that a saturated but correct prediction costs a large finite loss instead of infinity.
@inline(__always)
func binaryCrossEntropy(output: Double, positive: Bool) -> Double {
    let p = min(max(output, 1e-15), 1 - 1e-15)
    return positive ? -log(p) : -log(1 - p)
}

extension TrainingConfiguration {
    /// Tanh for classification, linear for regression (the Playground), sigmoid with
    /// cross-entropy.
    public var outputActivation: Activation {
        if loss == .crossEntropy { return .sigmoid }
        return isRegression ? .linear : .tanh
    }

    /// Draws the initial weights from `random`, one link at a time in construction order.
    func initialParameters(random: inout SeedRandom) -> NetworkParameters {
        let sizes = layerSizes
        var weights: [Double] = []
        var biases: [Double] = []
        for layer in 1..<sizes.count {
            let fanIn = Double(sizes[layer - 1])
            let fanOut = Double(sizes[layer])
            for _ in 0..<sizes[layer] {
                for _ in 0..<sizes[layer - 1] {
                    switch initialization {
                    case .playground:
                        weights.append(random.next() - 0.5)
                    case .zero:
                        _ = random.next()
                        weights.append(0)
                    case .xavier:
                        let limit = (6 / (fanIn + fanOut)).squareRoot()
                        weights.append((2 * random.next() - 1) * limit)
                    case .he:
                        weights.append(random.normal(mean: 0, variance: 2 / fanIn))
                    }
                }
                biases.append(initialization == .playground ? 0.1 : 0)  // initZero: 0 as well
            }
        }
        return NetworkParameters(layerSizes: sizes, weights: weights, biases: biases)
    }
}
