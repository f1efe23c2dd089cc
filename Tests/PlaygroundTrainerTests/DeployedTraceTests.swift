import Foundation
import Testing

@testable import PlaygroundTrainer

/// Links read as the deployed Playground reads them, and the reset button, against runs
/// recorded from the deployed page (`deployed-extras/`): data, initial weights, every loss of
/// every epoch, final weights and heat map, bit for bit.
@Suite("Deployed Playground traces: link keys and resets, bit for bit")
struct DeployedTraceTests {
    static let linkFiles = ["noise80-gauss.json", "hidden-features-circle.json", "initzero-xor.json"]

    /// Runs the link's configuration and compares everything the trace recorded.
    func expectMatches(_ trace: DeployedTrace, _ name: String) throws {
        let configuration = try trace.configuration()
        let exact = cpuHasFMAAndAVX2
        let session = TrainingSession(configuration: configuration, seed: configuration.seed)
        expectSame(session.data.rows.train, trace.data.train, exact: exact, "\(name) train data")
        expectSame(session.data.rows.test, trace.data.test, exact: exact, "\(name) test data")
        #expect(configuration.layerSizes == trace.network.layerSizes)
        #expect(configuration.features.map(\.rawValue) == trace.network.inputIds)

        let run = try #require(trace.run)
        let result = Trainer(configuration: configuration).run()
        expectSame([result.initial.weights], [run.initial.weights], exact: true, "\(name) initial weights")
        expectSame([result.initial.biases], [run.initial.biases], exact: true, "\(name) initial biases")
        if let first = run.afterIteration1 {
            expectSame([result.afterFirstEpoch!.weights], [first.weights], exact: exact, "\(name) weights after epoch 1")
        }
        expectSame([result.trainLoss], [run.loss.train], exact: exact, "\(name) train loss")
        expectSame([result.testLoss], [run.loss.test], exact: exact, "\(name) test loss")
        expectSame([result.final.weights], [run.final.weights], exact: exact, "\(name) final weights")
        expectSame([result.final.biases], [run.final.biases], exact: exact, "\(name) final biases")

        if let expected = trace.finalOutputGrid?.values {
            let grid = Network(configuration: configuration, parameters: result.final).outputGrid()
            let columns = (0..<100).map { i in (0..<100).map { j in grid.value(column: i, row: j) } }
            expectSame(columns, expected, exact: exact, "\(name) output grid")
        }
        var stopping = configuration
        stopping.stopRule = try StopRule(parsing: "test-loss <= 0.02")
        #expect(Trainer(configuration: stopping).run().targetEpoch == run.firstIterationTestLossLE002)
    }

    @Test("a link's run matches the deployed page", arguments: linkFiles)
    func linkRunMatches(name: String) throws {
        try expectMatches(try DeployedTrace.load(name), name)
    }

    @Test func noise80IsNotClampedAndGeneratesWithPointEight() throws {
        let trace = try DeployedTrace.load("noise80-gauss.json")
        let configuration = try trace.configuration()
        #expect(configuration.noise == 80)
        let result = Trainer(configuration: configuration).run()
        #expect(result.draws.data == trace.rngDraws.data)
        #expect(result.draws.weightsOffset == trace.rngDraws.weightsStreamOffset)
        // With the repository source's clamp the link would mean 50: the same draws, but the
        // Gaussians' variance (0.5 + 7 · noise/100) and so every point would differ.
        var clamped = configuration
        clamped.noise = 50
        let clampedData = TrainingSession(configuration: clamped, seed: clamped.seed).data.rows.train
        #expect(zip(clampedData, trace.data.train).allSatisfy { $0 != $1 })
    }

    @Test func aHiddenFeatureIsRemovedFromTheInputsAndTheRunIsTheLinkWithItOff() throws {
        let trace = try DeployedTrace.load("hidden-features-circle.json")
        let reading = try PlaygroundLink.read(trace.requestedHash)
        #expect(reading.hiddenFeatures == [.x1Squared])
        #expect(reading.configuration.features == [.x1, .x2, .x2Squared])
        let off = try PlaygroundLink.read(
            trace.requestedHash.replacingOccurrences(of: "xSquared=true&xSquared_hide=true", with: "xSquared=false"))
        #expect(off.configuration == reading.configuration)
        #expect(off.hiddenFeatures.isEmpty)
        let a = Trainer(configuration: try trace.configuration()).run()
        var offConfiguration = off.configuration
        offConfiguration.epochs = trace.config.iterations
        let b = Trainer(configuration: offConfiguration).run()
        #expect(a == b)
    }

    @Test func initZeroStartsEveryWeightAndBiasAtZeroAndStillConsumesTheDraws() throws {
        let trace = try DeployedTrace.load("initzero-xor.json")
        let configuration = try trace.configuration()
        #expect(configuration.initialization == .zero)
        let result = Trainer(configuration: configuration).run()
        #expect(result.initial.weights.allSatisfy { $0 == 0 })
        #expect(result.initial.biases.allSatisfy { $0 == 0 })
        #expect(result.draws.weights == trace.rngDraws.weights)
        // The deployed bundle draws `Math.random() - .5` and then sets 0: one draw per link.
        #expect(result.draws.weights == NetworkParameters.linkCount(layerSizes: configuration.layerSizes))
        #expect(PlaygroundLink.hash(for: configuration).contains("&initZero=true&"))
    }

    @Test("reset r: same data, the r-th network after the page's, every loss", arguments: 0...3)
    func resetMatches(reset: Int) throws {
        let trace = try DeployedTrace.load("resets-circle.json")
        let configuration = try trace.configuration()
        let recorded = try #require(trace.resets?.first { $0.reset == reset })
        let exact = cpuHasFMAAndAVX2

        let session = TrainingSession(configuration: configuration, seed: configuration.seed, reset: reset)
        expectSame(session.data.rows.train, trace.data.train, exact: exact, "reset \(reset) train data")
        expectSame(session.data.rows.test, trace.data.test, exact: exact, "reset \(reset) test data")

        let result = Trainer(configuration: configuration).run(reset: reset)
        #expect(result.reset == reset)
        #expect(result.identity == RunIdentity(seed: "2", reset: reset))
        #expect(result.draws.weightsOffset == trace.rngDraws.weightsStreamOffsetPerReset?[reset])
        #expect(result.draws.weights == trace.rngDraws.weightsPerNetwork)
        expectSame([result.initial.weights], [recorded.initial.weights], exact: true, "reset \(reset) initial weights")
        expectSame([result.initial.biases], [recorded.initial.biases], exact: true, "reset \(reset) initial biases")
        expectSame([result.afterFirstEpoch!.weights], [recorded.afterIteration1!.weights], exact: exact, "reset \(reset) after epoch 1")
        expectSame([result.trainLoss], [recorded.loss.train], exact: exact, "reset \(reset) train loss")
        expectSame([result.testLoss], [recorded.loss.test], exact: exact, "reset \(reset) test loss")
        expectSame([result.final.weights], [recorded.final.weights], exact: exact, "reset \(reset) final weights")
        expectSame([result.final.biases], [recorded.final.biases], exact: exact, "reset \(reset) final biases")

        var stopping = configuration
        stopping.stopRule = try StopRule(parsing: "test-loss <= 0.02")
        #expect(Trainer(configuration: stopping).run(reset: reset).targetEpoch == recorded.firstIterationTestLossLE002)
    }

    /// Reset pressed before any step gives the network of the first reset: training between
    /// presses draws nothing.
    @Test func resetBeforeAnyStepIsTheFirstReset() throws {
        let trace = try DeployedTrace.load("resets-circle.json")
        let immediately = try #require(trace.resetImmediately)
        let result = Trainer(configuration: try trace.configuration()).run(reset: 1)
        expectSame([result.initial.weights], [immediately.initial.weights], exact: true, "reset at once, initial")
        expectSame([result.testLoss], [immediately.loss.test], exact: cpuHasFMAAndAVX2, "reset at once, test loss")
    }

    @Test func runsOfSeedsAndResetsComeSeedBySeedInPressOrder() throws {
        var c = try DeployedTrace.load("resets-circle.json").configuration()
        c.epochs = 3
        let experiment = Trainer(configuration: c).run(seeds: ["2", "3"], resets: 2)
        #expect(
            experiment.runs.map(\.identity.description) == [
                "seed 2", "seed 2, reset 1", "seed 2, reset 2", "seed 3", "seed 3, reset 1", "seed 3, reset 2",
            ])
        #expect(experiment.runs[1].digest.reset == 1)
    }
}
