import ChapterMarkdown
import PlaygroundTrainer

/// One axis of a sweep: a setting and the typed values it takes, in the order written.
public struct SweepAxis: Sendable, Hashable {
    public var key: SettingKey
    public var values: [SettingValue]
}

/// One point of a sweep (or the single point of an experiment without `vary`).
public struct Combination: Sendable, Hashable {
    /// The swept settings' values, in `vary` order; empty without a sweep.
    public let assignments: [SettingValue]
    public let settings: ExperimentSettings
    /// One run per seed, made once with the combination.
    public let jobs: [RunJob]

    public init(assignments: [SettingValue], settings: ExperimentSettings) {
        self.assignments = assignments
        self.settings = settings
        jobs = settings.runs.map { RunJob(configuration: settings.configuration, run: $0) }
    }

    /// `activation = relu, hidden = 4`; empty without a sweep.
    public var label: String {
        assignments.map { "\($0.key.displayName) = \($0.text)" }.joined(separator: ", ")
    }

    /// Whether typed selectors (from an inline value) pick this combination.
    func matches(_ selectors: [SettingValue]) -> Bool {
        selectors.allSatisfy { assignments.contains($0) }
    }
}

/// An `{experiment} ID` directive after analysis: resolved settings, sweep, display options.
public struct ExperimentSpec: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    public var base: ExperimentSettings
    public var sweep: [SweepAxis]
    public var combinations: [Combination]
    /// Figures in page order.
    public var figures: [FigureKind]
    /// Whether `show` asked for the table (it also appears with several seeds or combinations).
    public var tableRequested: Bool
    public var caption: String?
    public var title: String?
    public var showTestData: Bool
    public var discretize: Bool
    public var logScale: Bool
    /// Whether the panels of one figure share their axes (`axes: shared`, the default).
    public var sharedAxes: Bool
    /// What the result chart and the metric grid plot (`result-metric`).
    public var resultMetric: ResultMetric = .epochs
    /// `student:` as written (or from the book's defaults); nil leaves it to the worksheet rule.
    public var student: StudentRole?
    /// What a worksheet asks for each run (`record:`); nil for the default (``RecordItem``).
    public var record: [RecordItem]?
    /// How many of its runs a worksheet asks for (`worksheet-runs:`).
    public var worksheetRuns: WorksheetRuns = .all
    /// Data settings each student's variant draws within a range (`per-student:`).
    public var perStudent: [PerStudentSetting] = []
    /// The quantities the worksheet's table asks for, written or by default.
    public var recordItems: [RecordItem] { record ?? RecordItem.defaults(for: base.configuration.stopRule) }
    /// The epochs the figures of training over time show (`snapshots`); nil when not written.
    public var snapshots: SnapshotSchedule?
    /// `weights-on-links`: the network figure writes each weight and bias.
    public var weightsOnLinks = false
    /// The neuron figure's neuron, point and network (`neuron`, `point`, `neuron-epoch`).
    public var neuron: NeuronSpec?
    /// What the `runs` figure draws of every run (`runs-of`): boundary, loss, network.
    public var runsOf: [FigureKind] = [.boundary]
    /// The backprop figure's example and network (`example` or `point` with `label`, `neuron-epoch`).
    public var backprop: BackpropSpec?
    /// The hidden-space figure's two neurons (`neurons`).
    public var hiddenSpace: HiddenSpaceSpec?
    /// The landscape figure's grid and range (`landscape-grid`, `landscape-range`).
    public var landscape = LandscapeSpec()
    /// What the "Open in the Playground" link hides (`playground-hide`).
    public var playgroundHiding = PlaygroundHiding()

    public var seedCount: Int { base.seedCount }
    public var isSweep: Bool { !sweep.isEmpty }

    /// A results table appears with several seeds or combinations, or when asked for.
    public var showsTable: Bool { tableRequested || base.runs.count > 1 || isSweep }
}

/// A result of a combination that a chart can plot against the varied setting.
public enum ResultMetric: String, CaseIterable, Sendable, Hashable {
    case epochs
    case testLoss = "test-loss"
    case trainLoss = "train-loss"
    case testAccuracy = "test-accuracy"
    case gap

    var isAccuracy: Bool { self == .testAccuracy }

    /// The axis title.
    var title: String {
        switch self {
        case .epochs: "Epochs to the target"
        case .testLoss: "Final test loss"
        case .trainLoss: "Final training loss"
        case .testAccuracy: "Final test accuracy"
        case .gap: "Test − training loss"
        }
    }
}
