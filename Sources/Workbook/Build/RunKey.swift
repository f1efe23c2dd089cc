import PlaygroundTrainer

/// The identity of one training run: every resolved setting, the seed and the trainer's
/// version. Prose, captions and figure options are not part of it, so editing them never
/// retrains; changing any setting changes exactly the keys of the runs it touches.
public struct RunJob: Sendable, Hashable {
    public var configuration: TrainingConfiguration
    public var seed: String

    public var key: String {
        var text = "labbook-run\n\(Trainer.version)\n"
        for (key, value) in configuration.resolvedSettings where key != "seed" {
            text += "\(key)=\(value)\n"
        }
        text += "seed=\(seed)\n"
        return SHA256.hex(text)
    }
}

/// All runs of one combination of an experiment.
struct CombinationRuns: Sendable {
    var jobs: [RunJob]
    var keys: [String]
}

extension Combination {
    var jobs: [RunJob] {
        settings.seeds.map { RunJob(configuration: settings.configuration, seed: $0) }
    }
}
