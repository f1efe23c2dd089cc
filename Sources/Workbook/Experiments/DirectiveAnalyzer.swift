import ChapterMarkdown
import PlaygroundTrainer

/// Turns directive bodies into typed specifications, reporting every problem with the
/// location of the key or value at fault, what would be valid, and a "did you mean".
struct DirectiveAnalyzer {
    var diagnostics = DiagnosticCollector()

    static let displayKeys = ["show", "caption", "title", "show-test-data", "discretize", "log-scale", "vary"]
    static var experimentKeys: [String] { SettingKey.allCases.map(\.rawValue) + displayKeys }

    // MARK: - Experiments

    mutating func experiment(_ directive: Directive) -> ExperimentSpec? {
        let errorsBefore = diagnostics.errorCount
        guard let id = directive.argument?.trimmingCharacters(in: " \t"), !id.isEmpty else {
            diagnostics.error(
                "an experiment needs an ID after {experiment}, e.g. ```{experiment} xor-relu",
                at: directive.location)
            return nil
        }
        if !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            diagnostics.error(
                "experiment ID '\(id)' may only contain letters, digits, '-' and '_'", at: directive.location)
        }
        var settings = ExperimentSettings()
        var spec = ExperimentSpec(
            id: id, location: directive.location, base: settings, sweep: [], combinations: [],
            show: [.boundary, .loss], caption: nil, title: nil, showTestData: false, discretize: false,
            logScale: false)

        // A Playground link is the starting point; explicit keys override it wherever written.
        if let entry = directive.body.entry(SettingKey.playgroundURL.rawValue) {
            apply(.playgroundURL, entry.value, to: &settings)
        }
        var sweepEntry: YAMLMapping.Entry? = nil
        for entry in directive.body.entries {
            if let key = SettingKey(rawValue: entry.key) {
                if key != .playgroundURL { apply(key, entry.value, to: &settings) }
                continue
            }
            switch entry.key {
            case "show":
                spec.show = showItems(entry.value)
            case "caption": spec.caption = text(entry.value, key: "caption")
            case "title": spec.title = text(entry.value, key: "title")
            case "show-test-data": spec.showTestData = bool(entry.value, key: "show-test-data")
            case "discretize": spec.discretize = bool(entry.value, key: "discretize")
            case "log-scale": spec.logScale = bool(entry.value, key: "log-scale")
            case "vary": sweepEntry = entry
            default:
                unknownKey(entry, directive: "experiment", valid: Self.experimentKeys)
            }
        }
        for problem in settings.configuration.validate() {
            let location = directive.body.entry(problem.key)?.value.location ?? directive.location
            diagnostics.error("\(problem.key): \(problem.message)", at: location)
        }
        spec.base = settings
        if let sweepEntry {
            spec.sweep = sweepAxes(sweepEntry, base: settings)
        }
        spec.combinations = combinations(base: settings, sweep: spec.sweep, at: sweepEntry?.keyLocation ?? directive.location)
        return diagnostics.errorCount == errorsBefore ? spec : nil
    }

    /// Applies one key's YAML value to the settings, reporting a wrong type or a bad value.
    mutating func apply(_ key: SettingKey, _ value: YAMLValue, to settings: inout ExperimentSettings) {
        guard let text = settingText(value, key: key) else { return }
        do {
            try settings.apply(key, text)
        } catch {
            diagnostics.error(
                "\(key.rawValue): \(error.reason)", at: value.location,
                hint: error.suggestion.map { "did you mean '\($0)'?" } ?? "valid: \(key.validValues)")
        }
    }

    /// The text form of a setting value: scalars as written, lists joined with commas.
    mutating func settingText(_ value: YAMLValue, key: SettingKey) -> String? {
        switch value {
        case .scalar(let scalar): return scalar.text
        case .sequence(let items, _):
            guard key == .features || key == .hidden else {
                diagnostics.error(
                    "\(key.rawValue) takes one value, not a list; to try several values, put it under 'vary:'",
                    at: value.location)
                return nil
            }
            var parts: [String] = []
            for item in items {
                guard let scalar = item.scalar else {
                    diagnostics.error("\(key.rawValue): nested lists are not allowed here", at: item.location)
                    return nil
                }
                parts.append(scalar.text)
            }
            return parts.joined(separator: ",")
        case .mapping:
            diagnostics.error("\(key.rawValue) takes a value, not a mapping; valid: \(key.validValues)", at: value.location)
            return nil
        }
    }

    mutating func sweepAxes(_ entry: YAMLMapping.Entry, base: ExperimentSettings) -> [SweepAxis] {
        guard let mapping = entry.value.mapping else {
            diagnostics.error(
                "vary takes settings with lists of values, e.g.\n  vary:\n    activation: [relu, sigmoid, tanh]",
                at: entry.value.location)
            return []
        }
        var axes: [SweepAxis] = []
        for item in mapping.entries {
            guard let key = SettingKey(rawValue: item.key), key != .playgroundURL, key != .seeds else {
                let valid = SettingKey.allCases.filter { $0 != .playgroundURL && $0 != .seeds }.map(\.rawValue)
                diagnostics.error(
                    "'\(item.key)' cannot be varied", at: item.keyLocation,
                    hint: suggestion(for: item.key, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))")
                continue
            }
            guard let values = item.value.sequence, !values.isEmpty else {
                diagnostics.error("vary: \(key.rawValue) needs a list of values, e.g. [a, b]", at: item.value.location)
                continue
            }
            var texts: [String] = []
            for value in values {
                // Each value must be valid on its own (checked against the base settings).
                var probe = base
                let before = diagnostics.errorCount
                apply(key, value, to: &probe)
                if diagnostics.errorCount == before, let text = settingText(value, key: key) {
                    texts.append(text)
                }
            }
            axes.append(SweepAxis(key: key, values: texts))
        }
        return axes
    }

    /// Every combination of the sweep's values, the first axis varying slowest.
    mutating func combinations(base: ExperimentSettings, sweep: [SweepAxis], at location: SourceLocation) -> [Combination] {
        var result = [Combination(assignments: [], settings: base)]
        for axis in sweep {
            var next: [Combination] = []
            for combination in result {
                for value in axis.values {
                    var settings = combination.settings
                    try? settings.apply(axis.key, value)
                    next.append(
                        Combination(
                            assignments: combination.assignments + [.init(key: axis.key, value: value)],
                            settings: settings))
                }
            }
            result = next
        }
        if result.count > 64 {
            diagnostics.error("vary makes \(result.count) combinations; at most 64 are allowed", at: location)
        }
        for combination in result where !sweep.isEmpty {
            for problem in combination.settings.configuration.validate() {
                diagnostics.error("combination \(combination.label): \(problem.key): \(problem.message)", at: location)
            }
        }
        return result
    }

    mutating func showItems(_ value: YAMLValue) -> [ShowItem] {
        var items: [YAMLScalar] = []
        switch value {
        case .scalar(let s):
            items = s.text.split(separator: ",").map {
                YAMLScalar(text: $0.trimmingCharacters(in: " "), location: s.location)
            }
        case .sequence(let values, _):
            for v in values {
                if let s = v.scalar { items.append(s) } else {
                    diagnostics.error("show: expected a figure name, found \(v.kindDescription)", at: v.location)
                }
            }
        case .mapping:
            diagnostics.error("show takes a list such as [boundary, loss]", at: value.location)
        }
        var result: [ShowItem] = []
        for item in items where !item.text.isEmpty {
            if let show = ShowItem(rawValue: item.text.lowercased()) {
                if !result.contains(show) { result.append(show) }
            } else {
                let valid = ShowItem.allCases.map(\.rawValue)
                diagnostics.error(
                    "show: unknown figure '\(item.text)'", at: item.location,
                    hint: suggestion(for: item.text, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))")
            }
        }
        return result
    }

    // MARK: - Small helpers

    mutating func text(_ value: YAMLValue, key: String) -> String? {
        guard let scalar = value.scalar else {
            diagnostics.error("\(key) takes text, not \(value.kindDescription)", at: value.location)
            return nil
        }
        return scalar.text
    }

    mutating func bool(_ value: YAMLValue, key: String) -> Bool {
        guard let b = value.scalar?.boolValue else {
            diagnostics.error("\(key) takes true or false", at: value.location)
            return false
        }
        return b
    }

    mutating func number(_ value: YAMLValue, key: String) -> Double? {
        guard let d = value.scalar?.doubleValue, d.isFinite else {
            diagnostics.error("\(key) takes a number", at: value.location)
            return nil
        }
        return d
    }

    mutating func unknownKey(_ entry: YAMLMapping.Entry, directive: String, valid: [String]) {
        diagnostics.error(
            "unknown key '\(entry.key)' in {\(directive)}", at: entry.keyLocation,
            hint: suggestion(for: entry.key, among: valid).map { "did you mean '\($0)'?" }
                ?? "valid keys: \(valid.joined(separator: ", "))")
    }
}
