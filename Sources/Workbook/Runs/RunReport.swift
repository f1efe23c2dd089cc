import PlaygroundTrainer

/// The JSON form of runs, shared by `labbook train --format json` and the build cache.
public enum RunReport {
    public static func json(_ parameters: NetworkParameters, includeDead: Bool = true) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("weights", .numbers(parameters.weights)), ("biases", .numbers(parameters.biases)),
        ]
        if includeDead { pairs.append(("deadLinks", .array(parameters.deadLinks.map(JSONValue.integer)))) }
        return .object(pairs)
    }

    /// `display`: the page's link options (test data, discretize, hidden controls), so the
    /// `playgroundUrl` of a downloaded run is the very link its page shows.
    public static func json(
        _ run: RunResult, configuration: TrainingConfiguration, display: PlaygroundLink.DisplayOptions = .init()
    ) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [
            ("seed", .string(run.seed)),
            (
                "playgroundUrl",
                configuration.isShowableInPlayground
                    ? .string(PlaygroundLink.url(for: configuration, seed: run.seed, display: display)) : .null
            ),
            ("status", .string(run.status.rawValue)),
            ("epochsRun", .integer(run.epochsRun)),
            ("loss", .object([("train", .numbers(run.trainLoss)), ("test", .numbers(run.testLoss))])),
        ]
        if let train = run.trainAccuracy, let test = run.testAccuracy {
            pairs.append(("accuracy", .object([("train", .numbers(train)), ("test", .numbers(test))])))
        }
        pairs.append(
            (
                "target",
                .object([
                    ("rule", configuration.stopRule.map { .string($0.description) } ?? .null),
                    ("firstEpoch", run.targetEpoch.map(JSONValue.integer) ?? .null),
                ])
            ))
        pairs.append(("divergedAtEpoch", run.divergedAtEpoch.map(JSONValue.integer) ?? .null))
        pairs.append(("initial", json(run.initial, includeDead: false)))
        pairs.append(("final", json(run.final)))
        return pairs
    }

    public static func json(_ spread: Spread?) -> JSONValue {
        guard let spread else { return .null }
        return .object([
            ("median", .number(spread.median)), ("min", .number(spread.minimum)),
            ("max", .number(spread.maximum)), ("count", .integer(spread.count)),
        ])
    }

    public static func json(_ summary: RunSummary) -> JSONValue {
        .object([
            ("seeds", .integer(summary.seeds)),
            ("reachedTarget", .integer(summary.reachedTarget)),
            ("diverged", .integer(summary.diverged)),
            ("targetEpoch", json(summary.targetEpochs)),
            ("finalTrainLoss", json(summary.finalTrainLoss)),
            ("finalTestLoss", json(summary.finalTestLoss)),
            ("finalTrainAccuracy", json(summary.finalTrainAccuracy)),
            ("finalTestAccuracy", json(summary.finalTestAccuracy)),
            ("generalizationGap", json(summary.generalizationGap)),
        ])
    }

    /// The whole experiment: the first seed's run at the top level (so a one-seed call reads
    /// simply), plus every run and the summary when there are several.
    public static func json(_ experiment: ExperimentResult) -> JSONValue {
        let c = experiment.configuration
        var pairs: [(String, JSONValue)] = [
            ("config", .object(c.resolvedSettings.map { ($0.key, .string($0.value)) }))
        ]
        pairs += json(experiment.runs[0], configuration: c)
        if experiment.runs.count > 1 {
            pairs.append(("runs", .array(experiment.runs.map { .object(json($0, configuration: c)) })))
            pairs.append(("summary", json(experiment.summary)))
        }
        return .object(pairs)
    }
}
