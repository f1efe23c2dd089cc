import ArgumentParser
import PlaygroundTrainer
import Workbook

/// The training settings as flags; the names are the directive keys with dashes.
struct SettingOptions: ParsableArguments {
    @Option(help: "circle, xor, gauss, spiral, reg-plane, reg-gauss, moons or checkerboard (default circle).")
    var dataset: String?
    @Option(help: "Cells per side of the checkerboard, 2–12 (default 4).")
    var cells: String?
    @Option(help: "Comma list of x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2) (default x1,x2).")
    var features: String?
    @Option(help: "Hidden layer sizes, e.g. 4,2; empty for none (default 4,2).")
    var hidden: String?
    @Option(help: "relu, tanh, sigmoid or linear (default tanh).")
    var activation: String?
    @Option(name: .customLong("learning-rate"), help: "Default 0.03.")
    var learningRate: String?
    @Option(name: .customLong("batch-size"), help: "Default 10.")
    var batchSize: String?
    @Option(name: .customLong("train-ratio"), help: "Percent of points used for training (default 50).")
    var trainRatio: String?
    @Option(help: "0–50, the Playground's units (default 0).")
    var noise: String?
    @Option(help: "none, L1 or L2 (default none).")
    var regularization: String?
    @Option(name: .customLong("regularization-rate"), help: "Default 0.")
    var regularizationRate: String?
    @Option(help: "Seed text (default 1).")
    var seed: String?
    @Option(help: "Number of seeds to run (default 1).")
    var seeds: String?
    @Option(help: "Presses of the Playground's reset button to train after each seed's fresh page: new weights from the continuing random stream, same data (default 0).")
    var resets: String?
    @Option(help: "Epoch budget (default 1000).")
    var epochs: String?
    @Option(help: "Stop rule, e.g. 'test-loss <= 0.02' or 'test-accuracy >= 0.95'.")
    var until: String?
    @Option(help: "squared (the Playground's) or cross-entropy.")
    var loss: String?
    @Option(name: .customLong("init"), help: "playground (default), xavier or he.")
    var initialization: String?
    @Option(name: .customLong("playground-url"), help: "A Playground link or its #… hash to start from.")
    var playgroundURL: String?

    /// Resolves the settings: defaults, then the Playground link (read as the deployed page
    /// reads it; its errors name the link's key, not a flag), then the explicit flags.
    func resolve() throws -> ResolvedSettings {
        var settings = ExperimentSettings()
        var notes: [String] = []
        if let playgroundURL {
            do {
                let reading = try PlaygroundLink.read(playgroundURL, base: settings.configuration)
                settings.configuration = reading.configuration
                // A seed flag replaces the seed a link lacked, so that note would mislead.
                notes += reading.notes.filter { seed == nil || $0.key != "seed" }.map(\.description)
            } catch {
                throw ValidationError(error.description)
            }
        }
        let pairs: [(SettingKey, String?)] = [
            (.dataset, dataset), (.cells, cells), (.features, features), (.hidden, hidden), (.activation, activation),
            (.learningRate, learningRate), (.batchSize, batchSize), (.trainRatio, trainRatio),
            (.noise, noise), (.regularization, regularization), (.regularizationRate, regularizationRate),
            (.seed, seed), (.seeds, seeds), (.epochs, epochs), (.until, until), (.loss, loss),
            (.initialization, initialization),
        ]
        for (key, value) in pairs {
            guard let value else { continue }
            do {
                try settings.apply(key, value)
            } catch {
                throw ValidationError("--\(key.rawValue): \(error.description)")
            }
        }
        if let problem = settings.configuration.validate().first {
            throw ValidationError("--\(problem.key): \(problem.message)")
        }
        var resetCount = 0
        if let resets {
            // The chapter's rule (`resets: 1e1` is 10 there too): one table, one set of spellings.
            do {
                guard case .resets(let n) = try SettingRules.parse(.resets, resets) else { preconditionFailure("resets parses to resets") }
                resetCount = n
            } catch {
                throw ValidationError("--resets: \(error.description)")
            }
        }
        notes += settings.configuration.beyondPlaygroundControls().map(\.description)
        return ResolvedSettings(settings: settings, resets: resetCount, notes: notes)
    }
}

/// The flags resolved: the experiment, how many resets per seed, and notes to print once
/// (link keys that change only the page, values beyond the Playground's controls).
struct ResolvedSettings {
    var settings: ExperimentSettings
    var resets: Int
    var notes: [String]
}
