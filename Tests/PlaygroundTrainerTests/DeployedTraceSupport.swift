import Foundation

@testable import PlaygroundTrainer

/// A run recorded from the deployed Playground (`deployed-extras/`): a link with keys the
/// chromium156 traces do not use (noise 80, `_hide`, `initZero`) or presses of the reset button.
struct DeployedTrace: Decodable {
    struct Config: Decodable {
        var features: [String]
        var networkShape: [Int]
        var noise: Double
        var seed: String
        var initZero: Bool
        var iterations: Int
    }
    struct Draws: Decodable {
        var data: Int?
        var shuffle: Int?
        var weights: Int?
        var weightsPerNetwork: Int?
        var weightsStreamOffset: Int?
        var weightsStreamOffsetPerReset: [Int]?
    }
    struct Points: Decodable {
        var train: [[Double]]
        var test: [[Double]]
    }
    struct NetworkShape: Decodable {
        var layerSizes: [Int]
        var inputIds: [String]
    }
    /// One network's run: the page's own, or the one after a press of reset.
    struct Run: Decodable {
        var reset: Int?
        var initial: Trace.Parameters
        var afterIteration1: Trace.Parameters?
        var final: Trace.Parameters
        var loss: Trace.Losses
        var firstIterationTestLossLE002: Int?
    }
    struct ResetImmediately: Decodable {
        var initial: Trace.Parameters
        var final: Trace.Parameters
        var loss: Trace.Losses
    }

    var config: Config
    var requestedHash: String
    var rngDraws: Draws
    var data: Points
    var network: NetworkShape
    var initial: Trace.Parameters?
    var afterIteration1: Trace.Parameters?
    var final: Trace.Parameters?
    var loss: Trace.Losses?
    var firstIterationTestLossLE002: Int?
    var finalOutputGrid: Trace.Grid?
    var resets: [Run]?
    var resetImmediately: ResetImmediately?

    /// The page's only run (files without resets).
    var run: Run? {
        guard let initial, let final, let loss else { return nil }
        return Run(
            reset: 0, initial: initial, afterIteration1: afterIteration1, final: final, loss: loss,
            firstIterationTestLossLE002: firstIterationTestLossLE002)
    }

    static func load(_ name: String) throws -> DeployedTrace {
        let url = TraceFiles.root.appendingPathComponent("deployed-extras").appendingPathComponent(name)
        return try JSONDecoder().decode(DeployedTrace.self, from: Data(contentsOf: url))
    }

    /// The configuration Labbook reads from the link the recorder opened, with the recorded
    /// number of epochs.
    func configuration() throws -> TrainingConfiguration {
        var c = try PlaygroundLink.read(requestedHash).configuration
        c.epochs = config.iterations
        return c
    }
}

extension DataSplit {
    /// `[x, y, label]` rows as the deployed traces write points.
    var rows: (train: [[Double]], test: [[Double]]) {
        (train.map { [$0.x, $0.y, $0.label] }, test.map { [$0.x, $0.y, $0.label] })
    }
}
