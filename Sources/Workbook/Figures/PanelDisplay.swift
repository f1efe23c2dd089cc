import PlaygroundTrainer

/// How a directive asks its figures to be drawn (the Playground's check boxes and the axes).
struct PanelDisplay: Sendable, Hashable {
    var showTestData = false
    var discretize = false
    var logScale = false
    var sharedAxes = true
    /// The epochs of the figures over time (the standard schedule when not written).
    var snapshots: SnapshotSchedule = .standard
    /// What Playground links hide (`playground-hide`); pages only, not part of `keyText`.
    var playgroundHiding = PlaygroundHiding()

    /// The options a Playground link of these panels carries.
    var linkOptions: PlaygroundLink.DisplayOptions {
        .init(showTestData: showTestData, discretize: discretize, hiding: playgroundHiding)
    }

    var keyText: String {
        "test=\(showTestData) discretize=\(discretize) log=\(logScale) shared=\(sharedAxes) \(snapshots.keyText)"
    }
}

extension ExperimentSpec {
    var display: PanelDisplay {
        PanelDisplay(
            showTestData: showTestData, discretize: discretize, logScale: logScale, sharedAxes: sharedAxes,
            snapshots: snapshots ?? .standard, playgroundHiding: playgroundHiding)
    }
}

extension ComparisonSpec {
    var display: PanelDisplay { PanelDisplay(sharedAxes: sharedAxes) }
}
