import Foundation
import PlaygroundTrainer
import Plotting

/// The `landscape` figure: the mean training loss over a square slice of weight space through
/// the representative run's final weights (``LandscapeSlice``: two filter-normalised random
/// directions, or with `landscape-directions: initial` the direction back to the initial weights
/// and one random direction at right angles to it), with the training path projected onto it.
/// A sweep's panels share one colour scale (unless `axes: independent`): the lowest to the
/// highest loss of all of them, so a colour is one loss in every panel. Every loss is the trainer's own
/// evaluation (``LossEvaluator``), so the centre is the run's final training loss bit for bit.
/// The grid's rows are evaluated in parallel. The path is the run trained again recording every
/// epoch (the recording the `weights` figure uses, so showing both trains once), sampled at
/// about `pathPoints` evenly spaced epochs, always with the first and last.
struct LandscapeFigure {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore
    let recordings: RunEvaluations

    /// The path's points: about this many evenly spaced epochs, plus the last.
    static let pathPoints = 40
    /// For the long description, which is written where Plotting is not imported.
    static let bands = LandscapeChart.bands

    func make() throws -> DescribedFigure {
        var charts: [LandscapeChart] = []
        var labels: [String] = []
        var details: [String] = []
        for panel in panels {
            let job = panel.jobs[panel.results.representativeIndex]
            let recorded = try TimelineFigures(panels: panels, display: display, store: store, recordings: recordings)
                .record(panel, everyEpoch: true)
            let landscape = try Self.compute(
                configuration: panel.settings.configuration, run: recorded.result, seed: job.seed, history: recorded.parameterHistory,
                spec: display.landscape)
            charts.append(Self.chart(landscape, spec: display.landscape))
            let prefix = panel.title.isEmpty ? "" : panel.title + ": "
            labels.append(prefix + landscape.summary)
            // Each panel's details are sentences of their own: "Seed = 2: The path starts…".
            details.append((prefix.prefix(1).uppercased() + prefix.dropFirst()) + landscape.details)
        }
        if charts.count > 1 && display.sharedAxes { charts = charts.sharingColourScale() }
        let figure: any Figure =
            charts.count == 1
            ? charts[0]
            : FigureFactory.grid(zip(panels, charts).map { ($0.title, $1) }, panelSize: charts[0].size)
        return DescribedFigure(figure: figure, label: labels.joined(separator: "; "), details: details.joined(separator: " "))
    }

    /// The chart of a computed slice, its axes named by what α and β move along.
    static func chart(_ landscape: Landscape, spec: LandscapeSpec) -> LandscapeChart {
        var chart = LandscapeChart(losses: landscape.losses, path: landscape.path, range: spec.range)
        if spec.directions == .initial {
            chart.xAxisTitle = "α (toward the initial weights)"
            chart.yAxisTitle = "β (random direction)"
        }
        return chart
    }

    /// The losses over the slice (row 0 at β = +range) and the path in (α, β).
    struct Landscape {
        var losses: [[Double]]
        var path: [Point]
        /// α (column) and β (row, from the bottom) of each cell.
        var steps: [Double]
        var centerLoss: Double
        var startLoss: Double

        var finite: [Double] { losses.flatMap { $0 }.filter(\.isFinite) }
        var summary: String {
            "loss \(ValueFormatting.loss(centerLoss)) at the final weights, \(ValueFormatting.loss(finite.min() ?? .nan)) to \(ValueFormatting.loss(finite.max() ?? .nan)) over the slice"
        }
        var details: String {
            let start = path.first ?? Point(x: 0, y: 0)
            var text =
                "The path starts at α \(NumberFormatting.decimal(start.x, fractionDigits: 2)), β \(NumberFormatting.decimal(start.y, fractionDigits: 2)) (training loss \(ValueFormatting.loss(startLoss))) and ends at the centre."
            let grid = steps.count
            var lowest = (row: grid / 2, column: grid / 2)
            for row in 0..<grid {
                for column in 0..<grid where losses[row][column] < losses[lowest.row][lowest.column] { lowest = (row, column) }
            }
            if lowest == (grid / 2, grid / 2) {
                text += " No point of the slice has a lower loss than the final weights."
            } else {
                text +=
                    " The slice's lowest loss, \(ValueFormatting.loss(losses[lowest.row][lowest.column])), is at α \(NumberFormatting.decimal(steps[lowest.column], fractionDigits: 2)), β \(NumberFormatting.decimal(steps[grid - 1 - lowest.row], fractionDigits: 2))."
            }
            return text
        }
    }

    static func compute(
        configuration c: TrainingConfiguration, run: RunResult, seed: String, history: [[Double]], spec: LandscapeSpec
    ) throws -> Landscape {
        let slice =
            spec.directions == .initial
            ? LandscapeSlice(center: run.final, towards: run.initial, seed: seed) : LandscapeSlice(center: run.final, seed: seed)
        let grid = spec.grid
        let steps = (0..<grid).map { spec.range * (2 * Double($0) / Double(grid - 1) - 1) }
        let rows = Locked([[Double]](repeating: [], count: grid))
        try runInParallel(count: grid, workers: ProcessInfo.processInfo.activeProcessorCount) { row in
            let evaluator = LossEvaluator(configuration: c, seed: seed)
            let beta = steps[grid - 1 - row]
            let values = steps.map { evaluator.meanLoss(slice.parameters(alpha: $0, beta: beta)) }
            rows.update { $0[row] = values }
        }
        let stride = max(1, history.count / pathPoints)
        var epochs = Array(Swift.stride(from: 0, to: history.count, by: stride))
        if let last = history.indices.last, epochs.last != last { epochs.append(last) }
        let path = epochs.map { slice.project(history[$0]) }.map { Point(x: $0.alpha, y: $0.beta) }
        let losses = rows.get()
        return Landscape(
            losses: losses, path: path, steps: steps, centerLoss: losses[grid / 2][grid / 2], startLoss: run.trainLoss.first ?? .nan)
    }
}
