/// How a directive asks its figures to be drawn (the Playground's check boxes and the axes).
struct PanelDisplay: Sendable, Hashable {
    var showTestData = false
    var discretize = false
    var logScale = false
    var sharedAxes = true

    var keyText: String { "test=\(showTestData) discretize=\(discretize) log=\(logScale) shared=\(sharedAxes)" }
}

extension ExperimentSpec {
    var display: PanelDisplay {
        PanelDisplay(showTestData: showTestData, discretize: discretize, logScale: logScale, sharedAxes: sharedAxes)
    }
}

extension ComparisonSpec {
    var display: PanelDisplay { PanelDisplay(sharedAxes: sharedAxes) }
}
