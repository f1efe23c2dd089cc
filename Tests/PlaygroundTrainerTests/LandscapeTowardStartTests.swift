import Testing

@testable import PlaygroundTrainer

/// `LandscapeSlice(center:towards:seed:)`: the slice through the final and the initial weights.
@Suite("The landscape toward the initial weights")
struct LandscapeTowardStartTests {
    /// The initial weights project to (1, 0) exactly and the final ones to (0, 0); the origin
    /// is still the final training loss bit for bit (L1, so dead links are in play); d₂ is at
    /// right angles to d₁ and as long as the random direction it was made from.
    @Test(arguments: [Regularization.none, .l1])
    func theStartIsAtOneZeroAndTheOriginIsTheFinalLoss(regularization: Regularization) {
        let c = LossLandscapeTests.configuration(.squared, regularization: regularization)
        let run = Trainer(configuration: c).run(seed: "7")
        let slice = LandscapeSlice(center: run.final, towards: run.initial, seed: "7")
        let start = slice.project(run.initial.weights + run.initial.biases)
        #expect(start.alpha == 1 && start.beta == 0)
        let end = slice.project(run.final.weights + run.final.biases)
        #expect(end.alpha == 0 && end.beta == 0)
        #expect(LossEvaluator(configuration: c, seed: "7").meanLoss(slice.parameters(alpha: 0, beta: 0)) == run.finalTrainLoss)
        let dot = zip(slice.first, slice.second).reduce(0) { $0 + $1.0 * $1.1 }
        let norms = (slice.first.reduce(0) { $0 + $1 * $1 } * slice.second.reduce(0) { $0 + $1 * $1 }).squareRoot()
        #expect(abs(dot) <= 1e-12 * norms)
        let random = LandscapeSlice(center: run.final, seed: "7").first
        let length = { (v: [Double]) in v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        #expect(abs(length(slice.second) - length(random)) <= 1e-12 * length(random))
    }

    /// A run that never moved has no direction to its start: the random slice stands in.
    @Test func aRunThatNeverMovedGetsTheRandomSlice() {
        var c = LossLandscapeTests.configuration(.squared)
        c.epochs = 0
        let run = Trainer(configuration: c).run(seed: "7")
        #expect(LandscapeSlice(center: run.final, towards: run.initial, seed: "7") == LandscapeSlice(center: run.final, seed: "7"))
    }
}
