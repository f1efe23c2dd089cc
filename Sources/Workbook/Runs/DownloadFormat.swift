import Foundation
import PlaygroundTrainer

/// The bytes of the downloadable files: a run's data points, every run's losses per epoch (one
/// table per experiment) and each run as JSON. Pure functions of their inputs, so the same runs
/// always give the same bytes.
///
/// Numbers are written in shortest round-trip form (the form ``JSONValue`` writes: `0.1`,
/// `1e-05`, `3` for 3.0), so every file parses back to the very bits the trainer computed.
/// Non-finite numbers are written as the cache stores them: `nan`, `inf`, `-inf` (strings
/// in JSON).
enum DownloadFormat {
    /// Part of the cache key of formatted runs: change it whenever these files' bytes change.
    static let version = 3

    /// The experiment's one table of losses, gzip-compressed (``Gzip``).
    static let lossesFileName = "losses.csv.gz"

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

    /// Every run's losses, stored once: `run,epoch,train_loss,test_loss`, plus
    /// `train_accuracy,test_accuracy` when any run classifies (empty for one that does not),
    /// one row per run and epoch from epoch 0 (the untrained network) to the last epoch run;
    /// `run` is the run's name, its JSON file's without `.json` (`seed-1`, `c2-seed-3`).
    static func lossesCSV(_ runs: [(name: String, run: RunResult)]) -> String {
        let accuracy = runs.contains { $0.run.trainAccuracy != nil }
        var out = "run,epoch,train_loss,test_loss" + (accuracy ? ",train_accuracy,test_accuracy" : "") + "\n"
        for (name, run) in runs {
            for epoch in 0..<min(run.trainLoss.count, run.testLoss.count) {
                out += "\(name),\(epoch),\(number(run.trainLoss[epoch])),\(number(run.testLoss[epoch]))"
                if accuracy {
                    let train = run.trainAccuracy.flatMap { epoch < $0.count ? number($0[epoch]) : nil } ?? ""
                    let test = run.testAccuracy.flatMap { epoch < $0.count ? number($0[epoch]) : nil } ?? ""
                    out += ",\(train),\(test)"
                }
                out += "\n"
            }
        }
        return out
    }

    /// One run as JSON: what the experiment and combination are, the configuration with the
    /// run's seed, the data file, the layer sizes, then the fields `labbook train --format
    /// json` prints for a run (seed, reset, link, status, initial and final weights and biases
    /// in the Playground's link order) except the per-epoch losses and accuracies: those are
    /// stored once, in the experiment's `losses.csv.gz`, which `losses` names with this run's
    /// name there.
    static func runJSON(
        _ run: RunResult, configuration: TrainingConfiguration, experimentID: String,
        combination: [(String, String)], dataFile: String, name: String, display: PlaygroundLink.DisplayOptions = .init()
    ) -> String {
        var configuration = configuration
        configuration.seed = run.seed
        var pairs: [(String, JSONValue)] = [
            ("format", .string("labbook-run 2")),
            ("experiment", .string(experimentID)),
            ("combination", .object(combination.map { ($0.0, .string($0.1)) })),
            ("config", .object(configuration.resolvedSettings.map { ($0.key, .string($0.value)) })),
            ("data", .string(dataFile)),
            ("layerSizes", .array(configuration.layerSizes.map(JSONValue.integer))),
        ]
        var runPairs = RunReport.json(run, configuration: configuration, display: display).filter { $0.0 != "loss" && $0.0 != "accuracy" }
        let afterSeed = (runPairs.firstIndex { $0.0 == "seed" } ?? -1) + 1
        runPairs.insert(("reset", .integer(run.reset)), at: afterSeed)
        let afterEpochs = (runPairs.firstIndex { $0.0 == "epochsRun" } ?? runPairs.count - 1) + 1
        runPairs.insert(("losses", .object([("file", .string(lossesFileName)), ("run", .string(name))])), at: afterEpochs)
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
