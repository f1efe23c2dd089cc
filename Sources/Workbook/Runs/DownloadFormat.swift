import Foundation
import PlaygroundTrainer

/// The bytes of the downloadable files: a run's data points, its losses per epoch and the whole
/// run as JSON. Pure functions of their inputs, so the same runs always give the same bytes.
///
/// Numbers are written in shortest round-trip form (the form ``JSONValue`` writes: `0.1`,
/// `1e-05`, `3` for 3.0), so every file parses back to the very bits the trainer computed.
/// Non-finite numbers are written as the cache stores them: `nan`, `inf`, `-inf` (strings
/// in JSON).
enum DownloadFormat {
    /// Part of the cache key of formatted runs: change it whenever these files' bytes change.
    static let version = 1

    /// `0.1`, `-1`, `1e-05`; `nan`, `inf`, `-inf` for non-finite numbers.
    static func number(_ value: Double) -> String {
        if let text = nonFiniteText(value) { return text }
        return JSONValue.number(value).serialized()
    }

    static func nonFiniteText(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return nil
    }

    /// `x1,x2,label,split`: the points in the Playground's order after its one shuffle — the
    /// training points first, in the order every epoch visits them, then the test points.
    /// Labels are ±1 for classification, the value for regression.
    static func dataCSV(_ data: DataSplit) -> String {
        var out = "x1,x2,label,split\n"
        for (points, split) in [(data.train, "train"), (data.test, "test")] {
            for point in points {
                out += "\(number(point.x)),\(number(point.y)),\(number(point.label)),\(split)\n"
            }
        }
        return out
    }

    /// `epoch,train_loss,test_loss`: epoch 0 (the untrained network) to the last epoch run.
    static func lossCSV(_ run: RunResult) -> String {
        var out = "epoch,train_loss,test_loss\n"
        for (epoch, (train, test)) in zip(run.trainLoss, run.testLoss).enumerated() {
            out += "\(epoch),\(number(train)),\(number(test))\n"
        }
        return out
    }

    /// One run as JSON: what the experiment and combination are, the configuration with the
    /// run's seed, the data file, the layer sizes, then exactly the fields `labbook train
    /// --format json` prints for a run (seed, reset, link, status, every loss and accuracy,
    /// initial and final weights and biases in the Playground's link order).
    static func runJSON(
        _ run: RunResult, configuration: TrainingConfiguration, experimentID: String,
        combination: [(String, String)], dataFile: String, display: PlaygroundLink.DisplayOptions = .init()
    ) -> String {
        var configuration = configuration
        configuration.seed = run.seed
        var pairs: [(String, JSONValue)] = [
            ("format", .string("labbook-run 1")),
            ("experiment", .string(experimentID)),
            ("combination", .object(combination.map { ($0.0, .string($0.1)) })),
            ("config", .object(configuration.resolvedSettings.map { ($0.key, .string($0.value)) })),
            ("data", .string(dataFile)),
            ("layerSizes", .array(configuration.layerSizes.map(JSONValue.integer))),
        ]
        var runPairs = RunReport.json(run, configuration: configuration, display: display)
        let afterSeed = (runPairs.firstIndex { $0.0 == "seed" } ?? -1) + 1
        runPairs.insert(("reset", .integer(run.reset)), at: afterSeed)
        pairs += runPairs
        return withNonFiniteAsStrings(.object(pairs)).serialized(indent: 2) + "\n"
    }

    /// JSON has no NaN or infinity: such numbers become the cache's strings.
    static func withNonFiniteAsStrings(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let d): nonFiniteText(d).map(JSONValue.string) ?? value
        case .array(let items): .array(items.map(withNonFiniteAsStrings))
        case .object(let pairs): .object(pairs.map { ($0.0, withNonFiniteAsStrings($0.1)) })
        default: value
        }
    }
}
