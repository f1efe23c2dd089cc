import PlaygroundTrainer

/// The identity of one training run: every resolved setting, the seed and the trainer's
/// version. Prose, captions and figure options are not part of it, so editing them never
/// retrains; changing any setting changes exactly the keys of the runs it touches.
public struct RunJob: Sendable, Hashable {
    public let configuration: TrainingConfiguration
    public let seed: String
    /// Hashed once: tables, inline values and figures look runs up by it many times.
    public let key: String

    public init(configuration: TrainingConfiguration, seed: String) {
        self.configuration = configuration
        self.seed = seed
        var text = "labbook-run\n\(Trainer.version)\n"
        for (key, value) in configuration.resolvedSettings where key != "seed" {
            text += "\(key)=\(value)\n"
        }
        text += "seed=\(seed)\n"
        key = SHA256.hex(text)
    }
}
