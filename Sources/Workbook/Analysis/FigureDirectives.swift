import ChapterMarkdown
import PlaygroundTrainer

/// An `{activations}` directive: curves of activation functions and their derivatives.
public struct ActivationsSpec: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    public var functions: [Activation] = [.relu, .sigmoid, .tanh, .linear]
    public var range: ClosedRange<Double> = -5...5
    public var derivatives = true
    public var caption: String?
}

/// A `{dataset}` directive: the points of a data set, without training.
public struct DatasetSpec: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    public var settings = ExperimentSettings()
    public var showTestData = false
    public var caption: String?
    public var title: String?
}

extension DirectiveAnalyzer {
    static let activationsKeys = ["functions", "range", "derivatives", "caption"]
    static let datasetKeys = ["dataset", "cells", "noise", "train-ratio", "seed", "rescale", "show-test-data", "caption", "title"]

    mutating func activations(_ directive: Directive, defaultID: String) -> ActivationsSpec? {
        let before = diagnostics.errorCount
        guard let id = directiveID(directive, required: false, example: "```{activations} curves", defaultID: defaultID)
        else { return nil }
        var spec = ActivationsSpec(id: id, location: directive.location)
        for entry in directive.body.entries {
            switch entry.key {
            case "functions":
                var names: [YAMLScalar] = []
                if let s = entry.value.scalar {
                    names = s.text.split(separator: ",").map { YAMLScalar(text: $0.trimmingCharacters(in: " "), location: s.location) }
                } else {
                    names = (entry.value.sequence ?? []).compactMap(\.scalar)
                }
                var functions: [Activation] = []
                for name in names {
                    if let a = Activation(rawValue: name.text.lowercased()) {
                        functions.append(a)
                    } else {
                        let valid = Activation.allCases.map(\.rawValue)
                        diagnostics.error(
                            "functions: unknown activation '\(name.text)'", at: name.location,
                            hint: suggestion(for: name.text, among: valid).map { "did you mean '\($0)'?" }
                                ?? "valid: \(valid.joined(separator: ", "))", id: .badValue, end: name.end)
                    }
                }
                if functions.isEmpty && names.isEmpty {
                    diagnostics.error("functions takes a list such as [relu, sigmoid, tanh]", at: entry.value.location, id: .wrongType)
                }
                if !functions.isEmpty { spec.functions = functions }
            case "range":
                var bounds: [Double] = []
                if let items = entry.value.sequence {
                    bounds = items.compactMap { number($0, key: "range") }
                } else if let s = entry.value.scalar {
                    bounds = s.text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: " []")) }
                        .filter(\.isFinite)
                }
                if bounds.count == 2 && bounds[0] < bounds[1] && bounds.allSatisfy({ abs($0) <= 1e6 }) {
                    spec.range = bounds[0]...bounds[1]
                } else {
                    diagnostics.error(
                        "range takes two increasing numbers between -1000000 and 1000000, e.g. [-5, 5]", at: entry.value.location,
                        id: .badValue, end: entry.value.end)
                }
            case "derivatives": spec.derivatives = bool(entry.value, key: "derivatives")
            case "caption": spec.caption = text(entry.value, key: "caption")
            default: unknownKey(entry, directive: "activations", valid: Self.activationsKeys)
            }
        }
        return diagnostics.errorCount == before ? spec : nil
    }

    mutating func dataset(_ directive: Directive, defaultID: String) -> DatasetSpec? {
        let before = diagnostics.errorCount
        guard let id = directiveID(directive, required: false, example: "```{dataset} spiral-points", defaultID: defaultID)
        else { return nil }
        var spec = DatasetSpec(id: id, location: directive.location)
        rescalePoints = directive.body.entry("rescale").map { bool($0.value, key: "rescale") } ?? false
        defer { rescalePoints = false }
        for entry in directive.body.entries {
            switch entry.key {
            case "rescale": break  // read above
            case "dataset", "cells", "noise", "train-ratio", "seed":
                if let key = SettingKey(rawValue: entry.key),
                    let value = settingValue(key, entry.value, base: spec.settings.configuration)
                {
                    spec.settings.set(value)
                }
            case "show-test-data": spec.showTestData = bool(entry.value, key: "show-test-data")
            case "caption": spec.caption = text(entry.value, key: "caption")
            case "title": spec.title = text(entry.value, key: "title")
            default: unknownKey(entry, directive: "dataset", valid: Self.datasetKeys)
            }
        }
        return diagnostics.errorCount == before ? spec : nil
    }
}
