import ChapterMarkdown
import PlaygroundTrainer

/// What an experiment shows on the page.
public enum ShowItem: String, CaseIterable, Sendable, Hashable {
    case boundary, network, loss, data, table
}

/// One axis of a sweep: a setting and the values it takes.
public struct SweepAxis: Sendable, Hashable {
    public var key: SettingKey
    public var values: [String]
}

/// One point of a sweep (or the single point of an experiment without `vary`).
public struct Combination: Sendable, Hashable {
    /// The swept settings and their values, in `vary` order; empty without a sweep.
    public let assignments: [Assignment]
    public let settings: ExperimentSettings
    /// One run per seed, made once with the combination.
    public let jobs: [RunJob]

    public init(assignments: [Assignment], settings: ExperimentSettings) {
        self.assignments = assignments
        self.settings = settings
        jobs = settings.seeds.map { RunJob(configuration: settings.configuration, seed: $0) }
    }

    public struct Assignment: Sendable, Hashable {
        public var key: SettingKey
        public var value: String
    }

    /// `activation = relu, hidden = 4`; empty without a sweep.
    public var label: String {
        assignments.map { "\($0.key.rawValue) = \($0.key == .hidden && $0.value.isEmpty ? "none" : $0.value)" }
            .joined(separator: ", ")
    }

    /// Short panel title: just the values (`relu · 4`).
    public var shortLabel: String {
        assignments.map { $0.key == .hidden && $0.value.isEmpty ? "no hidden layer" : $0.value }
            .joined(separator: " · ")
    }

    /// Whether `key = value` selectors (from an inline value) pick this combination.
    func matches(_ selectors: [(SettingKey, String)]) -> Bool {
        selectors.allSatisfy { selector in
            assignments.contains { $0.key == selector.0 && sameValue($0.value, selector.1, key: selector.0) }
        }
    }
}

/// Compares two spellings of a setting value by what they mean (`4,2` = `[4, 2]`, `ReLU` = `relu`).
func sameValue(_ a: String, _ b: String, key: SettingKey) -> Bool {
    var x = ExperimentSettings()
    var y = ExperimentSettings()
    guard (try? x.apply(key, a)) != nil, (try? y.apply(key, b)) != nil else { return a == b }
    return x == y
}

/// An `{experiment} ID` directive after analysis: resolved settings, sweep, display options.
public struct ExperimentSpec: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    public var base: ExperimentSettings
    public var sweep: [SweepAxis]
    public var combinations: [Combination]
    public var show: [ShowItem]
    public var caption: String?
    public var title: String?
    public var showTestData: Bool
    public var discretize: Bool
    public var logScale: Bool

    public var seedCount: Int { base.seedCount }
    public var isSweep: Bool { !sweep.isEmpty }

    /// Figures in page order (the table is not a figure).
    public var figureKinds: [ShowItem] { show.filter { $0 != .table } }

    /// A results table appears with several seeds or combinations, or when asked for.
    public var showsTable: Bool { show.contains(.table) || seedCount > 1 || isSweep }
}
