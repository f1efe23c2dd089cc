import Foundation
import PlaygroundTrainer

/// The identity of one training run: every resolved setting, the seed and the trainer's
/// version. Prose, captions and figure options are not part of it, so editing them never
/// retrains; changing any setting changes exactly the keys of the runs it touches.
public struct RunJob: Sendable, Hashable {
    public let configuration: TrainingConfiguration
    public let seed: String
    /// Presses of the reset button before this run's network (0 = the fresh page).
    public let reset: Int
    /// Hashed once: tables, inline values and figures look runs up by it many times.
    public let key: String

    public init(configuration: TrainingConfiguration, run: RunIdentity) {
        self.configuration = configuration
        seed = run.seed
        reset = run.reset
        // A fresh page (reset 0) keeps the key it had before resets existed.
        let resetText = reset == 0 ? "" : "\nreset=\(reset)"
        var seeded = configuration
        seeded.seed = run.seed
        let memoryKey = KeyInput(configuration: seeded, reset: run.reset)
        if let known = Self.knownKeys.get()[memoryKey] {
            key = known
            return
        }
        key = SHA256.hex("labbook-run\n\(Trainer.version)\n\(Self.canonicalEncoding(configuration, seed: seed))\(resetText)")
        let made = key
        Self.knownKeys.update { memory in
            if memory.count >= 50_000 { memory = [:] }
            memory[memoryKey] = made
        }
    }

    /// Keys made in this process, by what they are made from: `labbook serve` analyses the
    /// book at every save, and encoding and hashing every run's configuration again was a
    /// twelfth of a rebuild. (A pure function of its input; emptied past 50,000 keys.)
    private struct KeyInput: Hashable {
        var configuration: TrainingConfiguration
        var reset: Int
    }

    private static let knownKeys = Locked<[KeyInput: String]>([:])

    public var identity: RunIdentity { RunIdentity(seed: seed, reset: reset) }

    /// The typed configuration as JSON with sorted keys (the configuration's own seed replaced
    /// by the run's): one spelling per meaning, whatever the chapter wrote.
    static func canonicalEncoding(_ configuration: TrainingConfiguration, seed: String) -> String {
        var c = configuration
        c.seed = seed
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A configuration is numbers, strings and enums: encoding cannot fail.
        let data = (try? encoder.encode(c)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
