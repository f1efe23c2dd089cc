import PlaygroundTrainer
import Plotting

/// The figures of an experiment or a comparison, drawn from the runs and the one results
/// analysis: per-combination panels show each panel's representative run, on common axes
/// unless the author asked for `axes: independent`; a two-setting sweep is laid out as a grid
/// of rows and columns; the sweep kinds (overlay, result chart, metric grid) read the same
/// medians as the table.
struct ExperimentPanels {
    let panels: [ResultPanel]
    let display: PanelDisplay
    /// The experiment's sweep (empty for comparisons and single experiments).
    let sweep: [SweepAxis]
    let resultMetric: ResultMetric
    let store: RunStore
    let evaluations: RunEvaluations

    func make(_ kind: FigureKind) throws -> any Figure {
        switch kind {
        case .boundary: return try perCombination(.boundary)
        case .network: return try perCombination(.network)
        case .loss: return try perCombination(.loss)
        case .data: return try perCombination(.data)
        case .lossOverlay: return try overlay()
        case .result: return result()
        case .metricGrid: return metricGrid()
        case .boundaryTimeline, .networkTimeline, .weights:
            return try TimelineFigures(panels: panels, display: display, store: store, recordings: evaluations).make(kind)
        case .neuron:
            return try NeuronFigure(panels: panels, display: display, store: store, recordings: evaluations).make()
        case .landscape:
            return try LandscapeFigure(panels: panels, display: display, store: store, recordings: evaluations).make()
        case .hiddenSpace:
            return try HiddenSpaceFigure(panels: panels, display: display, store: store, recordings: evaluations).make()
        case .neuronMaps:
            return try NeuronMapsFigure(panels: panels, display: display, store: store, evaluations: evaluations).make()
        case .backprop:
            return try BackpropFigure(panels: panels, display: display, store: store, recordings: evaluations).make()
        case .runs:
            return try RunsFigure(panels: panels, display: display, store: store, evaluations: evaluations).make()
        case .activations:
            // Unreachable: `show:` refuses it (`FigureKind.isShowable`); `{activations}` is a task of its own.
            throw FileError(path: "show", reason: "activations is drawn by {activations}, not from an experiment's runs")
        }
    }

    /// One panel per combination, laid out as the sweep: a grid of rows and columns for two
    /// varied settings, else a row of panels (a single panel alone).
    private func perCombination(_ figure: ExperimentFigure) throws -> any Figure {
        var figures: [any Figure] = []
        for panel in panels {
            let runs = try panel.jobs.map { try store.result($0) }
            let index = panel.results.representativeIndex
            let evaluation = { evaluations.evaluation(for: panel.jobs[index], run: runs[index]) }
            figures.append(
                figure.draw(
                    configuration: panel.settings.configuration, runs: runs, representative: index, display: display,
                    evaluation: evaluation, data: { evaluation().data }, title: nil))
        }
        if figures.count == 1 { return figures[0] }
        let share = display.sharedAxes
        if sweep.count == 2 {
            let columns = sweep[1].values.count
            let rows = stride(from: 0, to: figures.count, by: columns).map { start in
                figures[start..<min(start + columns, figures.count)].map { Optional($0) }
            }
            let grid = SmallMultiples(
                rows: rows, rowHeaders: sweep[0].values.map { "\(sweep[0].key.displayName) = \($0.text)" },
                columnHeaders: sweep[1].values.map { "\(sweep[1].key.displayName) = \($0.text)" },
                panelSize: figures[0].size)
            return share ? grid.sharingAxes() : grid
        }
        let grid = FigureFactory.grid(zip(panels, figures).map { ($0.title, $1) }, panelSize: figures[0].size)
        return share ? grid.sharingAxes() : grid
    }

    /// Every panel's test-loss curves in one chart, one colour (and dash) per panel, the
    /// representative run of each bold.
    private func overlay() throws -> any Figure {
        var series: [OverlayLossChart.Series] = []
        for panel in panels {
            let runs = try panel.jobs.map { try store.result($0) }
            series.append(
                OverlayLossChart.Series(
                    label: panel.title,
                    runs: runs.map { LossChart.Run(test: .init(values: $0.testLoss)) },
                    highlightedRun: panel.results.representativeIndex,
                    reachedAtEpoch: panel.results.medianEpochs.map(Double.init)))
        }
        let c = panels[0].settings.configuration
        var threshold: LossChart.Threshold? = nil
        if let rule = c.stopRule, rule.metric == .testLoss {
            threshold = .init(value: rule.threshold, label: ValueFormatting.rule(rule))
        }
        return OverlayLossChart(
            series: series, logarithmic: display.logScale, threshold: threshold, highlightDescription: "median seed")
    }

    /// The chosen metric against the first varied setting; a second varied setting gives one
    /// series per value.
    private func result() -> any Figure {
        let axis = sweep[0]
        let numbers = axis.values.compactMap(\.number)
        let settings: ResultChart.Settings =
            numbers.count == axis.values.count
            ? .numeric(numbers, logarithmic: axis.key.isLogarithmic)
            : .categorical(axis.values.map(\.text))
        let seriesAxis = sweep.count == 2 ? sweep[1] : nil
        let seriesCount = seriesAxis?.values.count ?? 1
        let series = (0..<seriesCount).map { s in
            ResultChart.Series(
                label: seriesAxis.map { "\($0.key.displayName) = \($0.values[s].text)" },
                results: axis.values.indices.map { i in point(panels[i * seriesCount + s].results, setting: i) })
        }
        return ResultChart(
            settings: settings, series: series, xAxisTitle: axis.key.displayName, yAxisTitle: metricTitle,
            logarithmicY: resultMetric != .epochs && resultMetric != .testAccuracy && display.logScale,
            medianDescription: "median of \(panels[0].results.seedCount) \(panels[0].results.runNoun)")
    }

    private func point(_ r: CombinationResults, setting: Int) -> ResultChart.Result {
        switch resultMetric {
        case .epochs:
            let range = r.reachedEpochs.map { $0.minimum...$0.maximum }
            return .init(
                setting: setting, median: r.medianEpochs.map(Double.init), range: range, censored: r.notReachedCount,
                runs: r.seedCount)
        default:
            let statistic = statistic(r)
            return .init(
                setting: setting, median: statistic?.median, range: statistic.map { $0.minimum...$0.maximum },
                runs: r.seedCount)
        }
    }

    private func statistic(_ r: CombinationResults) -> Statistic? {
        switch resultMetric {
        case .epochs: nil
        case .testLoss: r.finalTestLoss
        case .trainLoss: r.finalTrainLoss
        case .testAccuracy: r.finalTestAccuracy
        case .gap: r.gap
        }
    }

    private var metricTitle: String {
        if resultMetric == .epochs, let rule = panels[0].settings.configuration.stopRule {
            return "Epochs to \(ValueFormatting.rule(rule))"
        }
        return resultMetric.title
    }

    /// A two-setting sweep as coloured cells labelled exactly as the table prints them; the
    /// winner under the metric's ranking rule is emphasised.
    private func metricGrid() -> any Figure {
        let columns = sweep[1].values.count
        let criterion: Ranking.Criterion = resultMetric == .epochs ? .epochs : resultMetric == .testAccuracy ? .accuracy : .loss
        let winner = Ranking.order(panels.map(\.results), candidates: Array(panels.indices), by: criterion).first
        let cells = sweep[0].values.indices.map { row in
            (0..<columns).map { column -> MetricGrid.Cell in
                let index = row * columns + column
                let r = panels[index].results
                let value: Double?
                let label: String
                switch resultMetric {
                case .epochs:
                    value = r.medianEpochs.map(Double.init)
                    label = r.medianEpochs.map(String.init) ?? "not reached"
                case .testAccuracy:
                    value = r.finalTestAccuracy?.median
                    label = value.map(ValueFormatting.percent) ?? "—"
                default:
                    value = statistic(r)?.median
                    label = value.map(ValueFormatting.loss) ?? "—"
                }
                return MetricGrid.Cell(value: value, label: label, isEmphasised: index == winner)
            }
        }
        return MetricGrid(
            cells: cells, rowHeaders: sweep[0].values.map(\.text), columnHeaders: sweep[1].values.map(\.text),
            rowTitle: sweep[0].key.displayName, columnTitle: sweep[1].key.displayName,
            metricName: metricTitle + " (median of \(panels[0].results.seedCount) \(panels[0].results.runNoun))",
            shading: resultMetric == .testAccuracy ? .higherIsDarker : .lowerIsDarker)
    }
}
