import Testing

@testable import PlaygroundTrainer

/// `Network.backwardPass`: one example's δ, gradients and update, the trainer's own numbers.
@Suite("The backward pass of one example")
struct BackwardPassTests {
    static func configuration(_ activation: Activation, loss: LossFunction, regularization: Regularization = .none) -> TrainingConfiguration
    {
        var c = TrainingConfiguration()
        c.dataset = .xor
        c.hidden = [3, 2]
        c.activation = activation
        c.loss = loss
        c.batchSize = 1
        c.learningRate = 0.03
        c.regularization = regularization
        c.regularizationRate = regularization == .none ? 0 : 0.003
        c.epochs = 1
        return c
    }

    /// With batch size 1 the trainer steps once per example: applying the card's update to
    /// every training example in order gives the trainer's network after the epoch, bit for bit
    /// (so each single step is the trainer's step too), L1's dead links included.
    @Test(arguments: [
        (Activation.tanh, LossFunction.squared, Regularization.none), (.relu, .squared, .l1), (.sigmoid, .crossEntropy, .l2),
    ])
    func stepsEqualTheTrainersBitForBit(activation: Activation, loss: LossFunction, regularization: Regularization) throws {
        let c = Self.configuration(activation, loss: loss, regularization: regularization)
        let run = Trainer(configuration: c).run(seed: "4")
        let train = c.makeData(seed: "4").0.train
        var parameters = run.initial
        for point in train {
            parameters =
                Network(configuration: c, parameters: parameters).backwardPass(x1: point.x, x2: point.y, label: point.label).updated
        }
        let trained = try #require(run.afterFirstEpoch)
        #expect(parameters.weights == trained.weights)
        #expect(parameters.biases == trained.biases)
        #expect(parameters.deadLinks == trained.deadLinks)
    }

    /// Every weight's and bias's gradient is the central finite difference of the example's
    /// loss, to 1e-6 relative (relative to the larger of the gradient and 0.01, as differences
    /// of a near-zero gradient are round-off).
    @Test(arguments: [(Activation.tanh, LossFunction.squared), (.sigmoid, .crossEntropy), (.relu, .squared)])
    func gradientsMatchCentralFiniteDifferences(activation: Activation, loss: LossFunction) {
        let c = Self.configuration(activation, loss: loss)
        let initial = Trainer(configuration: c).run(seed: "9").initial
        let point = c.makeData(seed: "9").0.train[3]
        let pass = Network(configuration: c, parameters: initial).backwardPass(x1: point.x, x2: point.y, label: point.label)
        let h = 1e-6
        func exampleLoss(_ parameters: NetworkParameters) -> Double {
            Network(configuration: c, parameters: parameters).backwardPass(x1: point.x, x2: point.y, label: point.label).loss
        }
        for k in initial.weights.indices {
            var up = initial, down = initial
            up.weights[k] += h
            down.weights[k] -= h
            let difference = (exampleLoss(up) - exampleLoss(down)) / (2 * h)
            #expect(abs(difference - pass.weightGradients[k]) <= 1e-6 * max(abs(pass.weightGradients[k]), 0.01), "weight \(k)")
        }
        for k in initial.biases.indices {
            var up = initial, down = initial
            up.biases[k] += h
            down.biases[k] -= h
            let difference = (exampleLoss(up) - exampleLoss(down)) / (2 * h)
            #expect(abs(difference - pass.biasGradients[k]) <= 1e-6 * max(abs(pass.biasGradients[k]), 0.01), "bias \(k)")
        }
        // δ of the output is the output error times f′ (1 for cross-entropy's sigmoid output).
        let output = pass.a[pass.a.count - 1]
        #expect(pass.biasGradients == pass.delta)
        #expect(pass.errorDerivative.last == output - (loss == .crossEntropy ? (point.label > 0 ? 1 : 0) : point.label))
    }
}
