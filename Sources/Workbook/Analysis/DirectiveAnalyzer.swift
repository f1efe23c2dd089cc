import ChapterMarkdown
import PlaygroundTrainer

/// Turns directive bodies into typed specifications, reporting every problem with the
/// location of the key or value at fault, what would be valid, and a "did you mean".
struct DirectiveAnalyzer {
    var diagnostics = DiagnosticCollector()
    /// The book's `defaults` (already checked): keys an experiment gets unless it writes them.
    var defaults: [YAMLMapping.Entry] = []
    /// Reads `dataset: FILE.csv`; nil where chapters are analysed without a folder (then a file
    /// name is an error).
    var pointFiles: PointFileLoader? = nil
    /// `rescale: true` of the directive being analysed: own points beyond ±6 are shrunk to fit.
    var rescalePoints = false
    /// Files read so far in this chapter, by path and rescaling: each is read, and each of its
    /// problems reported, once; a later experiment naming a bad file gets one error of its own.
    var loadedPointFiles: [String: PointSet?] = [:]

    static let displayKeys =
        [
            "show", "caption", "title", "show-test-data", "discretize", "log-scale", "vary", "axes", "result-metric",
            StudentRole.key, RecordItem.key, WorksheetRuns.key, PerStudentSetting.key,
            "snapshots", "rescale", "playground-hide", "runs-of", "neurons", "landscape-grid", "landscape-range",
            "landscape-directions",
        ] + networkValueKeys
    static var experimentKeys: [String] { SettingKey.allCases.map(\.rawValue) + displayKeys }
    /// At most this many combinations in one sweep; counted before any is built.
    static let maximumCombinations = 64

    // MARK: - Experiments

    mutating func experiment(_ directive: Directive) -> ExperimentSpec? {
        let errorsBefore = diagnostics.errorCount
        guard let id = directiveID(directive, required: true, example: "```{experiment} xor-relu") else { return nil }
        var settings = ExperimentSettings()
        var spec = ExperimentSpec(
            id: id, location: directive.location, base: settings, sweep: [], combinations: [],
            figures: [.boundary, .loss], tableRequested: false, caption: nil, title: nil, showTestData: false,
            discretize: false, logScale: false, sharedAxes: true)
        var resultMetricEntry: YAMLMapping.Entry? = nil
        var recordEntry: YAMLMapping.Entry? = nil
        // Read first: it decides how a CSV file named anywhere in the directive is read.
        let rescaleEntry = directive.body.entry("rescale") ?? defaults.first { $0.key == "rescale" }
        rescalePoints = rescaleEntry.map { bool($0.value, key: "rescale") } ?? false
        defer { rescalePoints = false }

        // Book defaults first, then a Playground link read on top of them; keys written in the
        // experiment override both wherever they stand.
        let written = Set(directive.body.keys)
        let inherited = defaults.filter { !written.contains($0.key) }
        for entry in inherited {
            if let key = SettingKey(rawValue: entry.key), let value = settingValue(key, entry.value, base: settings.configuration) {
                settings.set(value)
            }
        }
        if let entry = directive.body.entry(SettingKey.playgroundURL.rawValue),
            let value = settingValue(.playgroundURL, entry.value, base: settings.configuration)
        {
            settings.set(value)
            if let link = value.value(as: PlaygroundLinkValue.self) {
                // Keys that change only the page: said once, at the link, as warnings.
                for note in link.notes { diagnostics.warning(note, at: entry.value.location, id: .beyondPlayground) }
            }
        }
        var sweepEntry: YAMLMapping.Entry? = nil
        var snapshotsEntry: YAMLMapping.Entry? = nil
        var runsOfEntry: YAMLMapping.Entry? = nil
        var neuronsEntry: YAMLMapping.Entry? = nil
        var landscapeEntries: [YAMLMapping.Entry] = []
        var networkValueEntries: [YAMLMapping.Entry] = []
        var perStudentEntry: YAMLMapping.Entry? = nil
        let inheritedDisplay = inherited.filter { SettingKey(rawValue: $0.key) == nil }
        for entry in inheritedDisplay + directive.body.entries {
            if let key = SettingKey(rawValue: entry.key) {
                if key != .playgroundURL, let value = settingValue(key, entry.value, base: settings.configuration) {
                    settings.set(value)
                }
                continue
            }
            switch entry.key {
            case "show":
                (spec.figures, spec.tableRequested) = showItems(entry.value)
            case "caption": spec.caption = text(entry.value, key: "caption")
            case "title": spec.title = text(entry.value, key: "title")
            case "show-test-data": spec.showTestData = bool(entry.value, key: "show-test-data")
            case "discretize": spec.discretize = bool(entry.value, key: "discretize")
            case "log-scale": spec.logScale = bool(entry.value, key: "log-scale")
            case "axes": spec.sharedAxes = sharedAxes(entry.value) ?? spec.sharedAxes
            case "result-metric": resultMetricEntry = entry
            case StudentRole.key: spec.student = studentRole(entry.value)
            case RecordItem.key: recordEntry = entry
            case WorksheetRuns.key: spec.worksheetRuns = worksheetRuns(entry.value) ?? .all
            case "vary": sweepEntry = entry
            case "snapshots": snapshotsEntry = entry
            case "runs-of": runsOfEntry = entry
            case "neurons": neuronsEntry = entry
            case "landscape-grid", "landscape-range", "landscape-directions": landscapeEntries.append(entry)
            case PerStudentSetting.key: perStudentEntry = entry
            case _ where Self.networkValueKeys.contains(entry.key): networkValueEntries.append(entry)
            case "rescale": break  // read above
            case "playground-hide": spec.playgroundHiding = playgroundHiding(entry.value)
            default:
                unknownKey(entry, directive: "experiment", valid: Self.experimentKeys)
            }
        }
        for problem in settings.configuration.validate() {
            let location = problemLocation(problem, in: directive)
            diagnostics.error("\(problem.key): \(problem.message)", at: location, id: problem.diagnosticID)
        }
        // Valid, and a Playground link reproduces it, but its controls cannot show it.
        for note in settings.configuration.beyondPlaygroundControls() {
            let location = directive.body.entry(note.key)?.value.location ?? directive.location
            diagnostics.warning("\(note.key): \(note.message)", at: location, id: .beyondPlayground)
        }
        spec.base = settings
        if let sweepEntry {
            spec.sweep = sweepAxes(sweepEntry, base: settings)
        }
        if let perStudentEntry { spec.perStudent = perStudent(perStudentEntry.value, sweep: spec.sweep) }
        spec.resultMetric = resultMetric(resultMetricEntry, spec: spec)
        if let recordEntry { spec.record = recordItems(recordEntry.value, stopRule: settings.configuration.stopRule) }
        if let snapshotsEntry { spec.snapshots = snapshots(snapshotsEntry.value, epochs: settings.configuration.epochs) }
        guard workloadIsBounded(spec, settings: settings, directive: directive, sweepAt: sweepEntry?.keyLocation) else { return nil }
        spec.combinations = combinations(
            base: settings, sweep: spec.sweep, at: sweepEntry?.keyLocation ?? directive.location)
        checkFigures(spec, at: directive.body.entry("show")?.value.location ?? directive.location)
        networkValues(networkValueEntries, spec: &spec, directive: directive)
        if let runsOfEntry { runsOf(runsOfEntry, spec: &spec) }
        hiddenSpace(neuronsEntry, spec: &spec, at: directive.body.entry("show")?.value.location ?? directive.location)
        landscape(landscapeEntries, spec: &spec)
        return diagnostics.errorCount == errorsBefore ? spec : nil
    }

    /// Where a configuration problem is reported: at the value of its key, or for a hand-set
    /// weight by an unknown name at that name's own line.
    func problemLocation(_ problem: ConfigurationProblem, in directive: Directive) -> SourceLocation {
        let entry = directive.body.entry(problem.key)
        if case .unknownParameter(let name) = problem.kind, let mapping = entry?.value.mapping,
            let item = mapping.entries.first(where: { NamedParameter.canonicalName($0.key) == name })
        {
            return item.keyLocation
        }
        return entry?.value.location ?? directive.location
    }

    /// The directive's ID, checked by the one rule every ID follows (it names files and anchors).
    mutating func directiveID(_ directive: Directive, required: Bool, example: String, defaultID: String? = nil) -> String? {
        guard let id = directive.argument?.trimmingCharacters(in: " \t"), !id.isEmpty else {
            if required || defaultID == nil {
                diagnostics.error(
                    "{\(directive.name)} needs an ID after its name, e.g. \(example)", at: directive.location, id: .missingID)
                return nil
            }
            return defaultID
        }
        if let problem = DirectiveID.problem(with: id) {
            diagnostics.error(
                "{\(directive.name)} ID '\(id)' \(problem)", at: directive.location,
                hint: "an ID is letters, digits, '-' and '_' (it names the figure files and page anchors), e.g. \(example)",
                id: .badID)
            return nil
        }
        return id
    }

    /// One key's YAML value as a typed setting, reporting a wrong type or a bad value.
    mutating func settingValue(_ key: SettingKey, _ value: YAMLValue, base: TrainingConfiguration) -> SettingValue? {
        guard let text = settingText(value, key: key) else { return nil }
        if key == .dataset, PointFileLoader.isFileName(text) {
            guard let pointFiles else {
                diagnostics.error(
                    "dataset: a CSV file can only be read when building a book folder", at: value.location,
                    id: .badValue, end: value.end)
                return nil
            }
            let trimmed = text.trimmingCharacters(in: " \t")
            let memoKey = "\(rescalePoints) \(trimmed)"
            if let loaded = loadedPointFiles[memoKey] {
                if loaded == nil {
                    diagnostics.error(
                        "dataset: \(trimmed) cannot be used; its problems are reported above", at: value.location,
                        id: .badValue, end: value.end)
                }
                return loaded.map { .pointSet($0) }
            }
            let loaded = pointFiles.load(trimmed, rescale: rescalePoints, at: value.location, diagnostics: &diagnostics)
            loadedPointFiles[memoKey] = .some(loaded)
            return loaded.map { .pointSet($0) }
        }
        do {
            return try SettingRules.parse(key, text, base: base)
        } catch {
            diagnostics.error(
                "\(key.rawValue): \(error.reason)", at: value.location,
                hint: error.suggestion.map { "did you mean '\($0)'?" } ?? "valid: \(key.validValues)", id: .badValue, end: value.end)
            return nil
        }
    }

    /// The text a rule reads: a scalar as written, a list (features, hidden) as its items.
    mutating func settingText(_ value: YAMLValue, key: SettingKey) -> String? {
        switch value {
        case .scalar(let scalar): return scalar.text
        case .sequence(let items, _):
            guard key.spec.takesList else {
                diagnostics.error(
                    "\(key.rawValue) takes one value, not a list; to try several values, put it under 'vary:'",
                    at: value.location, id: .wrongType)
                return nil
            }
            var parts: [String] = []
            for item in items {
                guard let scalar = item.scalar else {
                    diagnostics.error("\(key.rawValue): nested lists are not allowed here", at: item.location, id: .wrongType)
                    return nil
                }
                parts.append(scalar.text)
            }
            return parts.isEmpty ? "none" : parts.joined(separator: ",")
        case .mapping(let mapping) where key == .weights:
            // Weights by name, one per line: `x1 -> 1.1: 0.5` reads as the list item it is.
            var parts: [String] = []
            for entry in mapping.entries {
                guard let scalar = entry.value.scalar else {
                    diagnostics.error("weights: \(entry.key) takes a number", at: entry.value.location, id: .wrongType)
                    return nil
                }
                parts.append("\(entry.key): \(scalar.text)")
            }
            return parts.isEmpty ? "none" : parts.joined(separator: ", ")
        case .mapping:
            diagnostics.error("\(key.rawValue) takes a value, not a mapping; valid: \(key.validValues)", at: value.location, id: .wrongType)
            return nil
        }
    }

    mutating func sweepAxes(_ entry: YAMLMapping.Entry, base: ExperimentSettings) -> [SweepAxis] {
        guard let mapping = entry.value.mapping else {
            diagnostics.error(
                "vary takes settings with lists of values, e.g.\n  vary:\n    activation: [relu, sigmoid, tanh]",
                at: entry.value.location, id: .notAMapping)
            return []
        }
        // Count before building anything: a sweep of 10⁸ combinations is refused at once.
        var count = 1.0
        for item in mapping.entries { count *= Double(max(item.value.sequence?.count ?? 1, 1)) }
        if count > Double(Self.maximumCombinations) {
            diagnostics.error(
                "vary makes \(count < 1e15 ? String(Int(count)) : "more than 10^15") combinations; at most \(Self.maximumCombinations) are allowed",
                at: entry.keyLocation, hint: "vary fewer settings at once, or split the sweep into several experiments",
                id: .tooManyCombinations, end: entry.keyEnd)
            return []
        }
        var axes: [SweepAxis] = []
        for item in mapping.entries {
            guard let key = SettingKey(rawValue: item.key), key.spec.canVary else {
                let valid = SettingKey.allCases.filter { $0.spec.canVary }.map(\.rawValue)
                diagnostics.error(
                    "'\(item.key)' cannot be varied", at: item.keyLocation,
                    hint: suggestion(for: item.key, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))", id: .cannotVary, end: item.keyEnd)
                continue
            }
            guard let values = item.value.sequence, !values.isEmpty else {
                diagnostics.error("vary: \(key.rawValue) needs a list of values, e.g. [a, b]", at: item.value.location, id: .wrongType)
                continue
            }
            var typed: [SettingValue] = []
            for value in values {
                guard let setting = settingValue(key, value, base: base.configuration) else { continue }
                if typed.contains(setting) {
                    diagnostics.error(
                        "vary: \(key.rawValue) lists \(setting.text) twice", at: value.location, id: .duplicateValue, end: value.end)
                } else {
                    typed.append(setting)
                }
            }
            axes.append(SweepAxis(key: key, values: typed))
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
                    settings.set(value)
                    next.append(Combination(assignments: combination.assignments + [value], settings: settings))
                }
            }
            result = next
        }
        for combination in result where !sweep.isEmpty {
            for problem in combination.settings.configuration.validate() {
                diagnostics.error(
                    "combination \(combination.label): \(problem.key): \(problem.message)", at: location, id: problem.diagnosticID)
            }
        }
        return result
    }

    /// The `result-metric` key: what the result chart and metric grid plot.
    mutating func resultMetric(_ entry: YAMLMapping.Entry?, spec: ExperimentSpec) -> ResultMetric {
        let fallback: ResultMetric = spec.base.configuration.stopRule != nil ? .epochs : .testLoss
        guard let entry else { return fallback }
        let valid = ResultMetric.allCases.map(\.rawValue)
        guard let text = entry.value.scalar?.text, let metric = ResultMetric(rawValue: text) else {
            diagnostics.error(
                "result-metric: unknown metric '\(entry.value.scalar?.text ?? "")'", at: entry.value.location,
                hint: "valid: \(valid.joined(separator: ", "))", id: .unknownMetric, end: entry.value.end)
            return fallback
        }
        if metric == .epochs && spec.base.configuration.stopRule == nil {
            diagnostics.error(
                "result-metric: epochs needs a stop rule; add e.g. until: test-loss <= 0.02", at: entry.value.location,
                id: .unusableMetric)
        }
        if metric.isAccuracy && spec.base.configuration.isRegression {
            diagnostics.error("result-metric: accuracy is not defined for regression", at: entry.value.location, id: .unusableMetric)
        }
        return metric
    }

    /// Figures that compare combinations need a sweep of the right shape.
    mutating func checkFigures(_ spec: ExperimentSpec, at location: SourceLocation) {
        for kind in spec.figures {
            switch kind {
            case .lossOverlay where !spec.isSweep, .result where !spec.isSweep:
                diagnostics.error(
                    "show: \(kind.rawValue) compares the combinations of a sweep, but '\(spec.id)' has no 'vary'",
                    at: location, hint: "add vary:, or use {compare} to compare experiments", id: .figureNeedsSweep)
            case .result where spec.sweep.count > 2:
                diagnostics.error(
                    "show: result plots one or two varied settings; '\(spec.id)' varies \(spec.sweep.count)", at: location,
                    id: .figureNeedsSweep)
            case .metricGrid where spec.sweep.count != 2:
                diagnostics.error(
                    "show: metric-grid needs a sweep over exactly two settings ('\(spec.id)' varies \(spec.sweep.count))",
                    at: location, id: .figureNeedsSweep)
            case .lossOverlay, .result, .metricGrid:
                break  // the sweep has the shape the kind needs
            case .boundary, .network, .loss, .data, .activations, .boundaryTimeline, .networkTimeline, .weights, .neuron, .runs, .backprop,
                .hiddenSpace, .landscape:
                break
            case .neuronMaps:
                if let flat = spec.combinations.first(where: { $0.settings.configuration.hidden.isEmpty }) {
                    diagnostics.error(
                        "show: neuron-maps draws the hidden neurons, but \(flat.label.isEmpty ? "this network" : "the combination " + flat.label) has no hidden layer",
                        at: location, hint: "add a hidden layer, e.g. hidden: [3]", id: .settingsConflict)
                }  // drawn with or without a sweep
            }
        }
    }

    mutating func showItems(_ value: YAMLValue) -> (figures: [FigureKind], table: Bool) {
        var items: [YAMLScalar] = []
        switch value {
        case .scalar(let s):
            items = s.text.split(separator: ",").map {
                YAMLScalar(text: $0.trimmingCharacters(in: " "), location: s.location)
            }
        case .sequence(let values, _):
            for v in values {
                if let s = v.scalar {
                    items.append(s)
                } else {
                    diagnostics.error("show: expected a figure name, found \(v.kindDescription)", at: v.location, id: .wrongType)
                }
            }
        case .mapping:
            diagnostics.error("show takes a list such as [boundary, loss]", at: value.location, id: .wrongType)
        }
        var figures: [FigureKind] = []
        var table = false
        let valid = FigureKind.experimentKinds.map(\.rawValue) + ["table"]
        for item in items where !item.text.isEmpty {
            let name = item.text.lowercased()
            if name == "table" {
                table = true
            } else if let kind = FigureKind(rawValue: name), FigureKind.experimentKinds.contains(kind) {
                if !figures.contains(kind) { figures.append(kind) }
            } else {
                diagnostics.error(
                    "show: unknown figure '\(item.text)'", at: item.location,
                    hint: suggestion(for: item.text, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))", id: .unknownFigure)
            }
        }
        return (figures, table)
    }

    // MARK: - Small helpers

    /// `axes: shared` (true) or `axes: independent` (false); nil after reporting anything else.
    mutating func sharedAxes(_ value: YAMLValue) -> Bool? {
        switch value.scalar?.text.lowercased() {
        case "shared": return true
        case "independent": return false
        default:
            diagnostics.error("axes takes shared or independent", at: value.location, id: .badValue, end: value.end)
            return nil
        }
    }

    mutating func text(_ value: YAMLValue, key: String) -> String? {
        guard let scalar = value.scalar else {
            diagnostics.error("\(key) takes text, not \(value.kindDescription)", at: value.location, id: .wrongType)
            return nil
        }
        return scalar.text
    }

    mutating func bool(_ value: YAMLValue, key: String) -> Bool {
        guard let b = value.scalar?.boolValue else {
            diagnostics.error("\(key) takes true or false", at: value.location, id: .wrongType)
            return false
        }
        return b
    }

    mutating func number(_ value: YAMLValue, key: String) -> Double? {
        guard let d = value.scalar?.doubleValue, d.isFinite else {
            diagnostics.error("\(key) takes a number", at: value.location, id: .wrongType)
            return nil
        }
        return d
    }

    mutating func unknownKey(_ entry: YAMLMapping.Entry, directive: String, valid: [String]) {
        diagnostics.error(
            "unknown key '\(entry.key)' in {\(directive)}", at: entry.keyLocation,
            hint: suggestion(for: entry.key, among: valid).map { "did you mean '\($0)'?" }
                ?? "valid keys: \(valid.joined(separator: ", "))", id: .unknownKey, end: entry.keyEnd)
    }
}
