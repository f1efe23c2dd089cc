import Testing

@testable import PlaygroundTrainer

/// `LossEvaluator` and `LandscapeSlice`: the loss landscape through a run's final weights.
@Suite("The loss landscape")
struct LossLandscapeTests {
    static func configuration(_ loss: LossFunction, regularization: Regularization = .none) -> TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = .xor
        c.hidden = [3, 2]
        c.loss = loss
        c.regularization = regularization
        c.regularizationRate = regularization == .none ? 0 : 0.003
        c.epochs = 30
        return c
    }

    /// The landscape's value at the origin is the run's final training loss bit for bit: the
    /// origin is the final network itself (no arithmetic on the weights), and the evaluator runs
    /// the trainer's own forward pass and loss over the same training set in the same order.
    @Test(arguments: [(LossFunction.squared, Regularization.none), (.crossEntropy, .l1)])
    func originIsTheFinalLossBitForBit(loss: LossFunction, regularization: Regularization) {
        let c = Self.configuration(loss, regularization: regularization)
        let run = Trainer(configuration: c).run(seed: "7", reset: 1)
        let slice = LandscapeSlice(center: run.final, seed: "7")
        let evaluator = LossEvaluator(configuration: c, seed: "7")
        #expect(evaluator.meanLoss(slice.parameters(alpha: 0, beta: 0)) == run.finalTrainLoss)
        #expect(evaluator.meanLoss(run.initial) == run.trainLoss[0])
        #expect(evaluator.meanLoss(slice.parameters(alpha: 1, beta: 0)) != run.finalTrainLoss)
    }

    /// The training path recorded every epoch ends at the origin exactly, and starts where the
    /// initial network projects.
    @Test func pathEndsAtTheOrigin() {
        let c = Self.configuration(.squared)
        let recorded = Trainer(configuration: c).run(seed: "7", recording: SnapshotRecording(epochs: [], everyEpochParameters: true))
        let slice = LandscapeSlice(center: recorded.result.final, seed: "7")
        let last = slice.project(recorded.parameterHistory[recorded.parameterHistory.count - 1])
        #expect(last.alpha == 0 && last.beta == 0)
        let first = slice.project(recorded.result.initial.weights + recorded.result.initial.biases)
        #expect(first.alpha != 0 || first.beta != 0)
    }

    /// Filter normalisation: each neuron's incoming weights and bias in a direction have the
    /// norm of that neuron's in the center; the two directions differ; a point on the slice
    /// projects back to its own coordinates.
    @Test func directionsAreFilterNormalised() {
        let c = Self.configuration(.squared)
        let run = Trainer(configuration: c).run(seed: "3")
        let slice = LandscapeSlice(center: run.final, seed: "3")
        let p = run.final
        let w = p.weights.count
        for direction in [slice.first, slice.second] {
            var link = 0
            var node = 0
            for layer in 1..<p.layerSizes.count {
                for _ in 0..<p.layerSizes[layer] {
                    let indices = Array(link..<(link + p.layerSizes[layer - 1]))
                    let centerNorm = (indices.map { p.weights[$0] * p.weights[$0] }.reduce(0, +) + p.biases[node] * p.biases[node])
                        .squareRoot()
                    let norm = (indices.map { direction[$0] * direction[$0] }.reduce(0, +) + direction[w + node] * direction[w + node])
                        .squareRoot()
                    #expect(abs(norm - centerNorm) <= 1e-12 * max(1, centerNorm))
                    link += p.layerSizes[layer - 1]
                    node += 1
                }
            }
        }
        #expect(slice.first != slice.second)
        let moved = slice.parameters(alpha: 0.3, beta: -0.2)
        let back = slice.project(moved.weights + moved.biases)
        #expect(abs(back.alpha - 0.3) < 1e-9 && abs(back.beta + 0.2) < 1e-9)
    }
}
