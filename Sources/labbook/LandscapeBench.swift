import PlaygroundTrainer

/// `labbook bench`'s loss-landscape line: the landscape's loss evaluations per CPU-second
/// beside the trainer's own, on configuration c. Both go through the one set evaluation
/// (`LossEvaluator` is the trainer's `evaluate`), so per example forwarded they should be close;
/// a training epoch also runs the backward pass and the updates, so it is shown apart.
struct LandscapeBench {
    struct Result {
        var landscapeEvaluationsPerSecond: Double
        var landscapeExamplesPerSecond: Double
        var trainerEpochsPerSecond: Double
        /// Examples a trainer epoch forwards: the training pass, then the training and test losses.
        var trainerExamplesPerSecond: Double
    }

    static func run() -> Result {
        var c = BenchmarkConfigurations.all.first { $0.0 == "c" }!.2
        c.epochs = 100
        let run = Trainer(configuration: c).run()
        let data = c.makeData(seed: run.seed).0
        let slice = LandscapeSlice(center: run.final, seed: run.seed)
        let evaluator = LossEvaluator(configuration: c, seed: run.seed)
        let evaluations = 2000
        var sink = 0.0
        var start = RenderBench.cpuSeconds()
        for k in 0..<evaluations {
            sink += evaluator.meanLoss(slice.parameters(alpha: Double(k % 41) / 20 - 1, beta: Double(k / 41) / 25 - 1))
        }
        let landscapeSeconds = RenderBench.cpuSeconds() - start
        let session = TrainingSession(configuration: c, seed: run.seed)
        let epochs = 1000
        start = RenderBench.cpuSeconds()
        for _ in 0..<epochs { sink += session.step().trainLoss }
        let trainerSeconds = RenderBench.cpuSeconds() - start
        withExtendedLifetime(sink) {}  // the losses are computed to be timed, not read
        return Result(
            landscapeEvaluationsPerSecond: Double(evaluations) / landscapeSeconds,
            landscapeExamplesPerSecond: Double(evaluations * data.train.count) / landscapeSeconds,
            trainerEpochsPerSecond: Double(epochs) / trainerSeconds,
            trainerExamplesPerSecond: Double(epochs * (2 * data.train.count + data.test.count)) / trainerSeconds)
    }
}
