import ChapterMarkdown
import PlaygroundTrainer

/// A training setting as written in a directive (`learning-rate: 0.01`), in `labbook.yml`'s
/// `defaults`, in a sweep, a `{value}` selector or on the command line (`--learning-rate 0.01`):
/// the same names, the same parsing, the same messages, all from the setting's ``spec``.
///
/// **Adding a training setting** touches at most 4 files:
/// 1. `Sources/PlaygroundTrainer/TrainingConfiguration.swift`: the field with its default (and,
///    for a number, a `SettingRange` in `SettingRanges.swift` beside it; a rule between
///    settings goes in `validate()`);
/// 2. the trainer code that uses it (e.g. `Trainer.swift`);
/// 3. this file: a case of `SettingKey` and its entry in ``spec`` (valid values, range, parse,
///    text form, how it is set). The compiler points here: the switch is exhaustive.
///    Everything else comes from the entry: directive keys, sweeps and selectors
///    (`SettingRules`), `labbook.yml` defaults (`BookSettings.defaultKeys`), the flags of
///    `labbook train` and their help (`SettingOptions`), the full configuration block and the
///    run JSON's `config` (`resolvedSettings`), error messages;
/// 4. `README.md`: a row of the `labbook train` flag table and the key list under
///    "Experiments" (`SettingTableTests` fails until both name it).
public enum SettingKey: String, CaseIterable, Sendable {
    case dataset, cells, features, hidden, activation
    case learningRate = "learning-rate"
    case batchSize = "batch-size"
    case trainRatio = "train-ratio"
    case noise, regularization
    case regularizationRate = "regularization-rate"
    case seed, seeds, resets, epochs, until, loss
    case initialization = "init"
    case weights, biases
    case playgroundURL = "playground-url"

    /// The one table of settings: each setting's words, valid values, range, parsing, text form
    /// and effect.
    public var spec: SettingSpec {
        switch self {
        case .dataset:
            SettingSpec.field(
                self,
                valid: Dataset.generators.map(\.rawValue).joined(separator: ", ")
                    + ", or a CSV file (in a chapter: a path relative to the chapters folder, e.g. data/points.csv)",
                text: { $0.rawValue }, number: nil,
                get: { $0.configuration.dataset }, shown: { $0.configuration.pointSet?.path ?? $0.configuration.dataset.rawValue },
                set: { s, v in
                    s.configuration.dataset = v
                    s.configuration.pointSet = nil
                    s.configuration.cells = v == .checkerboard ? s.writtenCells ?? Dataset.defaultCheckerboardCells : s.writtenCells
                },
                parse: { r throws(SettingError) in
                    guard let d = Dataset(rawValue: r.value.lowercased()), d != .file else {
                        throw r.fail("unknown data set '\(r.value)'", among: Dataset.generators.map(\.rawValue))
                    }
                    return d
                })
        case .cells:
            SettingSpec.field(
                self,
                valid: "cells per side of the checkerboard, \(SettingRange.cells.validText) (default \(Dataset.defaultCheckerboardCells))",
                range: .cells, bookDefault: false, text: { String($0) }, number: { Double($0) },
                get: { $0.configuration.cells },
                set: { s, v in
                    s.writtenCells = v
                    s.configuration.cells = v
                },
                parse: { r throws(SettingError) in Int(try r.ranged(.cells)) })
        case .features:
            SettingSpec.field(
                self, valid: "a comma list of " + Feature.validNames.joined(separator: ", "), list: true,
                text: { $0.map(\.name).joined(separator: ", ") }, number: nil,
                get: { $0.configuration.features }, set: { $0.configuration.features = $1 },
                parse: { r throws(SettingError) in
                    var features: [Feature] = []
                    for part in splitList(r.value) {
                        guard let f = Feature(parsing: part) else {
                            throw r.fail("unknown feature '\(part)'", among: Feature.validNames, near: part)
                        }
                        features.append(f)
                    }
                    guard !features.isEmpty else { throw r.fail("at least one feature is needed") }
                    return Array(Set(features)).sorted()
                })
        case .hidden:
            SettingSpec.field(
                self, name: "hidden layers", valid: "layer sizes: \(SettingRange.hiddenValidText); empty or none for no hidden layer",
                list: true, text: { $0.isEmpty ? "none" : $0.map(String.init).joined(separator: ",") }, number: nil,
                get: { $0.configuration.hidden }, set: { $0.configuration.hidden = $1 },
                parse: { r throws(SettingError) in
                    guard r.value.lowercased() != "none" else { return [] }
                    let parts = splitList(r.value)
                    guard SettingRange.layers.accepts(Double(parts.count)) else {
                        throw r.fail("\(parts.count) hidden layers is too many")
                    }
                    var layers: [Int] = []
                    for part in parts {
                        guard let n = Int(part), SettingRange.neurons.accepts(Double(n)) else {
                            throw r.fail("a layer of '\(part)' neurons is out of range")
                        }
                        layers.append(n)
                    }
                    return layers
                })
        case .activation:
            SettingSpec.choice(self, Activation.self, what: "activation", get: { $0.configuration.activation }) {
                $0.configuration.activation = $1
            }
        case .learningRate:
            SettingSpec.number(self, .learningRate, get: { $0.configuration.learningRate }) { $0.configuration.learningRate = $1 }
        case .batchSize:
            SettingSpec.field(
                self, valid: SettingRange.batchSize.validText, range: .batchSize, text: { String($0) }, number: { Double($0) },
                get: { $0.configuration.batchSize }, set: { $0.configuration.batchSize = $1 },
                parse: { r throws(SettingError) in Int(try r.ranged(.batchSize)) })
        case .trainRatio:
            SettingSpec.number(
                self, .trainRatio, valid: "a percentage, " + SettingRange.trainRatio.validText, percent: true,
                get: { $0.configuration.trainRatio }
            ) { $0.configuration.trainRatio = $1 }
        case .noise:
            SettingSpec.number(self, .noise, get: { $0.configuration.noise }) { $0.configuration.noise = $1 }
        case .regularization:
            SettingSpec.field(
                self, valid: "none, L1, L2", text: { $0.rawValue }, number: nil,
                get: { $0.configuration.regularization }, set: { $0.configuration.regularization = $1 },
                parse: { r throws(SettingError) in
                    guard let v = Regularization(parsing: r.value) else {
                        throw r.fail("unknown regularization '\(r.value)'", among: ["none", "L1", "L2"])
                    }
                    return v
                })
        case .regularizationRate:
            SettingSpec.number(self, .regularizationRate, get: { $0.configuration.regularizationRate }) {
                $0.configuration.regularizationRate = $1
            }
        case .seed:
            SettingSpec.field(
                self, valid: "any text, e.g. 1", text: { $0 }, number: nil,
                get: { $0.configuration.seed }, set: { $0.configuration.seed = $1 },
                parse: { r throws(SettingError) in
                    guard !r.value.isEmpty else { throw r.fail("the seed is empty") }
                    return r.value
                })
        case .seeds:
            SettingSpec.field(
                self, valid: "a number of seeds, \(SettingRange.seeds.validText)", range: .seeds, vary: false,
                inConfiguration: false, text: { String($0) }, number: nil,
                get: { $0.seedCount }, set: { $0.seedCount = $1 },
                parse: { r throws(SettingError) in Int(try r.ranged(.seeds)) })
        case .resets:
            SettingSpec.field(
                self, valid: "presses of the Playground's reset button after the fresh page: \(SettingRange.resets.validText)",
                range: .resets, inConfiguration: false, text: { String($0) }, number: nil,
                get: { $0.resetCount }, set: { $0.resetCount = $1 },
                parse: { r throws(SettingError) in Int(try r.ranged(.resets)) })
        case .epochs:
            SettingSpec.field(
                self, valid: SettingRange.epochs.validText, range: .epochs, text: { String($0) }, number: { Double($0) },
                get: { $0.configuration.epochs }, set: { $0.configuration.epochs = $1 },
                parse: { r throws(SettingError) in Int(try r.ranged(.epochs)) })
        case .until:
            SettingSpec.field(
                self, name: "stop rule",
                valid: "METRIC OP VALUE with METRIC one of train-loss, test-loss, train-accuracy, test-accuracy, e.g. test-loss <= 0.02",
                text: { (rule: StopRule?) in rule?.description ?? "none" }, number: nil,
                get: { s -> StopRule?? in .some(s.configuration.stopRule) },
                set: { (s: inout ExperimentSettings, v: StopRule?) in s.configuration.stopRule = v },
                parse: { r throws(SettingError) -> StopRule? in
                    if ["none", "never", ""].contains(r.value.lowercased()) { return nil }
                    do throws(StopRule.ParseError) {
                        return try StopRule(parsing: r.value)
                    } catch {
                        if case .unknownMetric(let name) = error {
                            throw r.fail("unknown metric '\(name)'", among: StopRule.Metric.allCases.map(\.rawValue), near: name)
                        }
                        throw r.fail(error.description)
                    }
                })
        case .loss:
            SettingSpec.choice(self, LossFunction.self, what: "loss", get: { $0.configuration.loss }) { $0.configuration.loss = $1 }
        case .initialization:
            SettingSpec.choice(
                self, Initialization.self, what: "initialisation", name: "initialisation", get: { $0.configuration.initialization }
            ) { $0.configuration.initialization = $1 }
        case .weights:
            SettingSpec.field(
                self, name: "hand-set weights",
                valid:
                    "every weight as a list in the downloads' order (initial.weights), e.g. [0.5, -0.2, …], or weights by name, e.g. x1 -> 1.1: 0.5, 1.2 -> output: -1, bias 1.1: 0.1 (the others keep the seed's values)",
                list: true, vary: false, bookDefault: false, text: { $0.text }, number: nil,
                get: { s in s.configuration.handSet.flatMap(WrittenWeights.init(weightsOf:)) },
                set: { s, v in
                    var handSet = s.configuration.handSet ?? HandSetWeights()
                    handSet.weightList = v.list
                    handSet.named = v.named
                    s.configuration.handSet = handSet.isEmpty ? nil : handSet
                },
                parse: { r throws(SettingError) in try WrittenWeights.parse(r, names: true) })
        case .biases:
            SettingSpec.field(
                self, name: "hand-set biases",
                valid:
                    "every bias as a list in the downloads' order (initial.biases: hidden layers top to bottom, then the output), e.g. [0.1, 0, …]; one bias by name goes under weights: (bias 1.1: 0.1)",
                list: true, vary: false, bookDefault: false, text: { $0.text }, number: nil,
                get: { s in s.configuration.handSet?.biasList.map { WrittenWeights(list: $0) } },
                set: { s, v in
                    var handSet = s.configuration.handSet ?? HandSetWeights()
                    handSet.biasList = v.list
                    s.configuration.handSet = handSet.isEmpty ? nil : handSet
                },
                parse: { r throws(SettingError) in try WrittenWeights.parse(r, names: false) })
        case .playgroundURL:
            SettingSpec.field(
                self, name: "Playground link", valid: "a playground.tensorflow.org link or its #… part", vary: false,
                bookDefault: false, inConfiguration: false, text: { (v: PlaygroundLinkValue) in v.link }, number: nil,
                get: { _ -> PlaygroundLinkValue? in nil }, set: { $0.configuration = $1.configuration },
                parse: { r throws(SettingError) -> PlaygroundLinkValue in
                    do throws(PlaygroundLink.ParseError) {
                        let reading = try PlaygroundLink.read(r.value, base: r.base)
                        return PlaygroundLinkValue(
                            link: r.value, configuration: reading.configuration, notes: reading.notes.map(\.description))
                    } catch {
                        throw r.fail(error.description)
                    }
                })
        }
    }

    /// The setting in words, for panel titles and table headers ("learning rate = 0.01").
    public var displayName: String { spec.displayName }
    /// Whether values of the setting are spread over a logarithmic axis in charts.
    public var isLogarithmic: Bool { self == .learningRate || self == .regularizationRate }
    /// What a valid value looks like, for error messages.
    public var validValues: String { spec.validValues }
    /// The flag of `labbook train`.
    public var flag: String { "--" + rawValue }

    /// The name closest to a misspelt `name` ("datset" → "dataset"), among the settings and
    /// `others`.
    public static func closestName(to name: String, others: [String] = []) -> String? {
        suggestion(for: name, among: allCases.map(\.rawValue) + others)
    }
}

extension SettingValue {
    /// An own data set read from a CSV file (`dataset: data/points.csv`).
    static func pointSet(_ points: PointSet) -> SettingValue {
        SettingValue(.dataset, points, text: points.path, number: nil) { s, v in
            s.configuration.dataset = .file
            s.configuration.pointSet = v
            s.configuration.cells = s.writtenCells
        }
    }
}
