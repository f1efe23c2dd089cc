import Testing

@testable import PlaygroundTrainer

#if canImport(Glibc)
import Glibc
#endif

/// Labbook's opt-in behaviour beyond the Playground.
@Suite("Beyond the Playground")
struct ExtensionTests {
    static func xorConfiguration() -> TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = .xor
        c.hidden = [3]
        c.activation = .tanh
        c.epochs = 5
        return c
    }

    /// Finite differences of the mean loss match the back-propagated mean gradient.
    @Test("cross-entropy gradients match finite differences", arguments: [Activation.tanh, .sigmoid, .relu])
    func crossEntropyGradientCheck(activation: Activation) {
        var c = Self.xorConfiguration()
        c.loss = .crossEntropy
        c.activation = activation
        let session = TrainingSession(configuration: c, seed: "7")
        let examples = session.train
        // Analytic: accumulate the whole training set without updating.
        var start = 0
        examples.labels.withUnsafeBufferPointer { labels in
            while start < examples.count {
                let lanes = min(LaneEngine.laneCapacity, examples.count - start)
                examples.load(into: session.engine, start: start, lanes: lanes)
                session.engine.forward(count: lanes)
                session.engine.backward(count: lanes, labels: labels.baseAddress! + start)
                start += lanes
            }
        }
        let analytic = session.engine.meanGradients
        let base = session.engine.parameters
        func loss(_ parameters: NetworkParameters) -> Double {
            session.engine.load(parameters)
            return session.evaluate(examples).loss
        }
        let h = 1e-6
        for k in 0..<base.weights.count {
            var plus = base
            plus.weights[k] += h
            var minus = base
            minus.weights[k] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(numeric - analytic.weights[k]) < 1e-6 * max(1, abs(numeric)), "weight \(k)")
        }
        for k in 0..<base.biases.count {
            var plus = base
            plus.biases[k] += h
            var minus = base
            minus.biases[k] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(numeric - analytic.biases[k]) < 1e-6 * max(1, abs(numeric)), "bias \(k)")
        }
    }

    @Test func crossEntropyTrainsXorAndReportsAccuracy() {
        var c = Self.xorConfiguration()
        c.loss = .crossEntropy
        c.hidden = [8]
        c.epochs = 300
        let result = Trainer(configuration: c).run()
        #expect(result.finalTestLoss < result.testLoss[0] / 2)
        #expect((result.finalTestAccuracy ?? 0) > 0.9)
        #expect(result.testAccuracy?.count == result.testLoss.count)
    }

    @Test func xavierWeightsStayWithinTheGlorotLimitAndBiasesStartAtZero() {
        var c = Self.xorConfiguration()
        c.hidden = [8, 6]
        c.initialization = .xavier
        let p = Trainer(configuration: c).run().initial
        let sizes = c.layerSizes
        for layer in 1..<sizes.count {
            let limit = (6 / Double(sizes[layer - 1] + sizes[layer])).squareRoot()
            for d in 0..<sizes[layer] {
                for s in 0..<sizes[layer - 1] {
                    #expect(abs(p.weight(layer: layer, from: s, to: d)) <= limit)
                }
            }
        }
        // The second layer's limit is smaller than the first's: the weights use all of each.
        let firstLayer = p.weights.prefix(16).map(abs).max()!
        #expect(firstLayer > 0.5 * (6 / 10.0).squareRoot())
        #expect(p.biases.allSatisfy { $0 == 0 })
    }

    @Test func heWeightsHaveTheStandardDeviationOfTwoOverFanIn() {
        var c = Self.xorConfiguration()
        c.features = Feature.allCases
        c.hidden = [64, 64]
        c.initialization = .he
        let p = Trainer(configuration: c).run().initial
        // The 64 × 64 middle layer: 4096 draws with standard deviation √(2/64) = 0.177.
        let middle = Array(p.weights[(7 * 64)..<(7 * 64 + 64 * 64)])
        let mean = middle.reduce(0, +) / Double(middle.count)
        let sd = (middle.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(middle.count)).squareRoot()
        #expect(abs(mean) < 0.01)
        #expect(abs(sd - (2.0 / 64).squareRoot()) < 0.01)
    }

    @Test func playgroundInitialisationIsUniformAroundZeroWithBiasPointOne() {
        let p = Trainer(configuration: Self.xorConfiguration()).run().initial
        #expect(p.weights.allSatisfy { $0 >= -0.5 && $0 < 0.5 })
        #expect(p.biases.allSatisfy { $0 == 0.1 })
    }

    @Test func aLearningRateOfTenDivergesAndStopsWithoutNaNs() {
        var c = TrainingConfiguration()
        c.dataset = .regPlane
        c.learningRate = 10
        c.epochs = 200
        let result = Trainer(configuration: c).run()
        #expect(result.status == .diverged)
        guard let epoch = result.divergedAtEpoch else { return }
        #expect(epoch >= 1 && epoch <= 200)
        #expect(result.trainLoss.count == epoch)
        let finite = result.trainLoss.allSatisfy { $0.isFinite } && result.testLoss.allSatisfy { $0.isFinite }
        #expect(finite)
        let finiteWeights = result.final.weights.allSatisfy { $0.isFinite }
        #expect(finiteWeights)
    }

    @Test func aStopRuleOnAccuracyStopsAtTheFirstEpochItHolds() throws {
        var c = Self.xorConfiguration()
        c.hidden = [4]
        c.epochs = 500
        c.stopRule = try StopRule(parsing: "test-accuracy >= 95%")
        let result = Trainer(configuration: c).run()
        let epoch = try #require(result.targetEpoch)
        #expect(result.status == .reachedTarget)
        #expect(result.testAccuracy!.last! >= 0.95)
        #expect(result.testAccuracy!.dropLast().allSatisfy { $0 < 0.95 })
        #expect(result.epochsRun == epoch)
    }

    @Test func stopRulesParseAndExplainMistakes() throws {
        #expect(try StopRule(parsing: "test-loss <= 0.02") == StopRule(metric: .testLoss, comparison: .lessOrEqual, threshold: 0.02))
        #expect(try StopRule(parsing: "train-loss<0.1").comparison == .less)
        #expect(throws: StopRule.ParseError.unknownMetric("test-los")) { try StopRule(parsing: "test-los <= 0.02") }
        #expect(throws: StopRule.ParseError.malformed("test-loss 0.02")) { try StopRule(parsing: "test-loss 0.02") }
    }

    @Test func severalSeedsGiveTheirSpread() {
        var c = Self.xorConfiguration()
        c.hidden = [4]
        c.epochs = 20
        c.seed = "5"
        let seeds = c.seedList(count: 4)
        #expect(seeds == ["5", "6", "7", "8"])
        let experiment = Trainer(configuration: c).run(seeds: seeds)
        #expect(experiment.runs.map(\.seed) == seeds)
        let summary = experiment.summary
        let losses = experiment.runs.map(\.finalTestLoss).sorted()
        #expect(summary.finalTestLoss?.minimum == losses.first)
        #expect(summary.finalTestLoss?.maximum == losses.last)
        #expect(summary.finalTestLoss?.median == (losses[1] + losses[2]) / 2)
        #expect(TrainingConfiguration().seedList(count: 1) == ["1"])
        var named = c
        named.seed = "abc"
        #expect(named.seedList(count: 3) == ["abc", "abc-2", "abc-3"])
    }

    @Test func partialBatchesCarryIntoTheNextEpoch() {
        // Config g: 50 training points, batch 30. Epoch 1 updates once after 30 examples; the
        // 20 left over join the next epoch's first batch — visible as an update count.
        var c = TrainingConfiguration()
        c.trainRatio = 10
        c.batchSize = 30
        let session = TrainingSession(configuration: c, seed: "1")
        session.trainOneEpoch()
        #expect(session.engine.accumulatedCount == 20)
        session.trainOneEpoch()
        #expect(session.engine.accumulatedCount == 20)
    }

    @Test func validationNamesTheSettingAndTheValidRange() {
        var c = TrainingConfiguration()
        c.learningRate = 0
        c.batchSize = 0
        c.trainRatio = 100
        c.noise = 1001
        #expect(c.validate().map(\.key) == ["learning-rate", "train-ratio", "batch-size", "noise"])
    }

    /// The deployed Playground trains with numbers beyond its controls (noise 80, 95 % training
    /// data); only what it would misbehave on is refused.
    @Test func numbersBeyondTheControlsAreValidAndMisbehavingOnesAreNot() {
        var c = TrainingConfiguration()
        c.noise = 80
        c.trainRatio = 95
        #expect(c.validate().isEmpty)
        c.batchSize = 476
        #expect(c.validate().map(\.message) == ["476 is more than the 475 training points: the Playground would never update the weights"])
        c.batchSize = 10
        c.trainRatio = 0.1
        #expect(c.validate().map(\.key) == ["train-ratio"])
    }
}
