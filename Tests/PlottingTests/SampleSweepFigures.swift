import Foundation
import Plotting

/// Deterministic figures of a sweep: overlays, results against a setting, grids and metric grids.
extension SampleFigures {
    /// Five seeds of one setting: test loss falling at `speed`, training loss a little lower.
    static func seedRuns(speed: Double, floor: Double, seeds: Int = 5, epochs: Int = 400) -> [LossChart.Run] {
        (0..<seeds).map { seed in
            var random = LCG(state: UInt64(seed * 31 + Int(speed * 1000)))
            let jitter = 1 + 0.25 * (Double(seed) - 2) / 2
            let test = (0..<epochs).map { e in floor + 0.5 * exp(-Double(e) * speed * jitter / 45) + 0.006 * random.next() }
            let training = test.map { $0 * 0.85 }
            return LossChart.Run(
                label: "seed \(seed)", training: LossChart.Curve(values: training),
                test: LossChart.Curve(values: test))
        }
    }

    static let learningRates = [0.001, 0.003, 0.01, 0.03]

    static func overlay(curves: OverlayLossChart.Curves = .test) -> OverlayLossChart {
        let series = learningRates.enumerated().map { index, rate in
            OverlayLossChart.Series(
                label: "learning rate = \(NumberFormatting.shortest(rate))",
                runs: seedRuns(speed: [0.4, 1, 2.5, 6][index], floor: 0.01 + 0.004 * Double(index)))
        }
        return OverlayLossChart(
            series: series, curves: curves, title: "Test loss by learning rate",
            threshold: LossChart.Threshold(value: 0.05, label: "test loss ≤ 0.05"))
    }

    static func lossPanels() -> [LossChart] {
        learningRates.enumerated().map { index, rate in
            var chart = LossChart(
                runs: seedRuns(speed: [0.4, 1, 2.5, 6][index], floor: 0.02, epochs: [700, 350, 140, 70][index]),
                threshold: LossChart.Threshold(value: 0.05, label: "test loss ≤ 0.05"))
            chart.title = "learning rate = \(NumberFormatting.shortest(rate))"
            return chart
        }
    }

    static func resultNumeric() -> ResultChart {
        let results = [
            ResultChart.Result(setting: 0, median: nil, range: 2100...2400, censored: 3, runs: 5),
            ResultChart.Result(setting: 1, median: 980, range: 720...1400, censored: 1, runs: 5),
            ResultChart.Result(setting: 2, median: 310, range: 240...390, runs: 5),
            ResultChart.Result(setting: 3, median: 120, range: 90...160, runs: 5),
        ]
        return ResultChart(
            settings: .numeric(learningRates, logarithmic: true), results: results,
            title: "Epochs to reach the target", xAxisTitle: "learning rate",
            yAxisTitle: "epochs to test loss ≤ 0.05")
    }

    static func resultCategorical() -> ResultChart {
        let names = ["relu", "sigmoid", "tanh"]
        let series = ["[2]", "[4]", "[3,3]"].enumerated().map { offset, hidden in
            ResultChart.Series(
                label: "hidden = \(hidden)",
                results: names.indices.map { setting in
                    let base = [0.02, 0.06, 0.03][setting] / Double(offset + 1)
                    return ResultChart.Result(setting: setting, median: base, range: (base * 0.7)...(base * 1.5), runs: 5)
                })
        }
        return ResultChart(
            settings: .categorical(names), series: series, title: "Final test loss",
            xAxisTitle: "activation", yAxisTitle: "final test loss")
    }

    static let activations = ["relu", "sigmoid", "tanh"]
    static let hiddenLayers = ["[2]", "[4]", "[3,3]"]

    static func sweepGrid() -> SmallMultiples {
        let rows: [[(any Figure)?]] = activations.indices.map { row in
            hiddenLayers.indices.map { column in
                var chart = LossChart(runs: seedRuns(speed: 0.5 + Double(row + column), floor: 0.02, seeds: 3, epochs: 300))
                chart.size = Size(width: 230, height: 190)
                chart.showsLegend = false
                return chart
            }
        }
        let grid = SmallMultiples(
            rows: rows, rowHeaders: activations.map { "activation = \($0)" },
            columnHeaders: hiddenLayers.map { "hidden = \($0)" },
            panelSize: Size(width: 230, height: 190), title: "Loss by activation and hidden layers")
        return grid.sharingAxes().withLegend(LossChart(runs: seedRuns(speed: 1, floor: 0.02, seeds: 3)).legendEntries)
    }

    static func metricGrid() -> MetricGrid {
        let epochs: [[Double?]] = [[420, 212, 180], [nil, 1290, 960], [380, 238, 150]]
        let cells = epochs.map { row in
            row.map { value in
                MetricGrid.Cell(
                    value: value, label: value.map { NumberFormatting.shortest($0) } ?? "not reached",
                    isEmphasised: value == 150)
            }
        }
        return MetricGrid(
            cells: cells, rowHeaders: activations, columnHeaders: hiddenLayers, rowTitle: "activation",
            columnTitle: "hidden layers", metricName: "median epochs to test loss ≤ 0.02 (5 seeds)",
            shading: .lowerIsDarker, title: "Epochs to target")
    }
}
