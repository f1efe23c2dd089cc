import PlaygroundTrainer
import Plotting

/// The `runs` figure: every run of each panel (each seed, and each press of the reset button)
/// side by side, one small panel per run, for each kind `runs-of` names (boundary, loss,
/// network) one block of panels. Panels are titled as the results table names runs ("seed 1,
/// reset 3") and the representative run — the one the other figures show — is marked
/// "median". Boundaries share the Playground's plane; loss panels share their axes unless
/// `axes: independent`.
struct RunsFigure {
    /// One combination's runs, as the figure needs them.
    struct Group {
        /// The combination ("learning rate = 0.03"); empty for a lone one.
        var title: String
        var configuration: TrainingConfiguration
        var runs: [RunResult]
        var representative: Int
        /// Every node's output over the plane for run `index` (computed once per run in a build).
        var evaluation: (Int) -> RunEvaluation
    }

    let groups: [Group]
    let kinds: [ExperimentFigure]
    let display: PanelDisplay

    static let boundarySize = Size(width: 200, height: 212)
    static let lossSize = Size(width: 250, height: 190)
    static let networkSize = Size(width: 420, height: 280)

    /// What the representative run's title adds.
    static let marker = " · median"

    /// A build's figure: each panel's runs from the store, evaluations shared with the build.
    init(panels: [ResultPanel], display: PanelDisplay, store: RunStore, evaluations: RunEvaluations) throws {
        groups = try panels.map { panel in
            let runs = try panel.jobs.map { try store.result($0) }
            return Group(
                title: panel.title, configuration: panel.settings.configuration, runs: runs,
                representative: panel.results.representativeIndex,
                evaluation: { evaluations.evaluation(for: panel.jobs[$0], run: runs[$0]) })
        }
        kinds = display.runsOf
        self.display = display
    }

    init(groups: [Group], kinds: [ExperimentFigure], display: PanelDisplay) {
        self.groups = groups
        self.kinds = kinds
        self.display = display
    }

    /// "seed 1, reset 3", as the results table names the run, marked when it is the median.
    static func title(_ run: RunResult, isRepresentative: Bool) -> String {
        CombinationResults.name(run.digest) + (isRepresentative ? marker : "")
    }

    func make() -> any Figure {
        let blocks = kinds.map(block)
        return blocks.count == 1 ? blocks[0] : FigureStack(blocks, spacing: 12)
    }

    /// One kind's panels: a row (wrapping) for one combination, one row per combination for a
    /// sweep, with the combination as the row's header.
    func block(_ kind: ExperimentFigure) -> SmallMultiples {
        var cells: [SmallMultiples.Panel] = []
        let columns: Int
        let perRow = kind == .network ? 2 : kind == .loss ? 3 : 4
        if groups.count == 1 {
            cells = groups[0].runs.indices.map { panel(kind, groups[0], index: $0) }
            columns = min(groups[0].runs.count, perRow)
        } else {
            columns = groups.map(\.runs.count).max() ?? 1
            for group in groups {
                for index in 0..<columns {
                    cells.append(
                        index < group.runs.count ? panel(kind, group, index: index) : SmallMultiples.Panel(figure: FigureStack([])))
                }
            }
        }
        let grid = SmallMultiples(
            panels: cells, columns: columns, panelSize: Self.size(kind), title: kinds.count > 1 ? Self.heading(kind) : nil,
            rowHeaders: groups.count > 1 ? groups.map(\.title) : [])
        return display.sharedAxes ? grid.sharingAxes() : grid
    }

    static func size(_ kind: ExperimentFigure) -> Size {
        kind == .network ? networkSize : kind == .loss ? lossSize : boundarySize
    }

    static func heading(_ kind: ExperimentFigure) -> String {
        switch kind {
        case .boundary: "Decision boundary of each run"
        case .loss: "Loss curves of each run"
        case .network: "Network of each run"
        case .data: "Data of each run"
        }
    }

    private func panel(_ kind: ExperimentFigure, _ group: Group, index: Int) -> SmallMultiples.Panel {
        let evaluation = { group.evaluation(index) }
        var figure = kind.draw(
            configuration: group.configuration, runs: [group.runs[index]], representative: 0, display: display,
            evaluation: evaluation, data: { evaluation().data }, title: nil)
        if var loss = figure as? LossChart {
            loss.showsLegend = false
            figure = loss
        }
        figure.size = Self.size(kind)
        return SmallMultiples.Panel(title: Self.title(group.runs[index], isRepresentative: index == group.representative), figure: figure)
    }
}
