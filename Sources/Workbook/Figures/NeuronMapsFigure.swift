import PlaygroundTrainer
import Plotting

/// The `neuron-maps` figure: every hidden neuron's output over the input plane at full size,
/// one panel each, titled with its layer.position name (as the network figure and inline
/// values name it); one row per hidden layer. The values are the trainer's own evaluation of
/// the representative run's final network (the grids the network figure's thumbnails average).
struct NeuronMapsFigure {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore
    let evaluations: RunEvaluations

    static let panelSize = Size(width: 200, height: 212)

    /// The maps, with each neuron's range and positive share in words for the long description.
    func make() throws -> DescribedFigure {
        var blocks: [SmallMultiples] = []
        var details: [String] = []
        var counts: [String] = []
        for panel in panels {
            let job = panel.jobs[panel.results.representativeIndex]
            let run = try store.result(job)
            let c = panel.settings.configuration
            let grids = evaluations.evaluation(for: job, run: run).nodeGrids
            blocks.append(Self.maps(configuration: c, nodeGrids: grids, title: panels.count > 1 ? panel.title : nil))
            let prefix = panel.title.isEmpty ? "" : panel.title + ": "
            details.append(prefix + Self.summary(configuration: c, nodeGrids: grids).joined(separator: "; "))
            counts.append(prefix + "\(c.hidden.reduce(0, +)) hidden neurons")
        }
        let figure: any Figure = blocks.count == 1 ? blocks[0] : FigureStack(blocks, spacing: 12)
        return DescribedFigure(
            figure: figure, label: counts.joined(separator: "; "),
            details: "Each hidden neuron's output over the plane: " + details.joined(separator: ". ") + ".")
    }

    /// The hidden neurons of a network, a row per layer, from every node's grid (node order).
    static func maps(configuration c: TrainingConfiguration, nodeGrids: [HeatmapGrid], title: String?) -> SmallMultiples {
        let sizes = c.layerSizes
        let hiddenLayers = Array(1..<(sizes.count - 1))
        let columns = hiddenLayers.map { sizes[$0] }.max() ?? 1
        var cells: [SmallMultiples.Panel] = []
        var node = sizes[0]
        for layer in hiddenLayers {
            for index in 0..<columns {
                guard index < sizes[layer] else {
                    cells.append(SmallMultiples.Panel(figure: FigureStack([])))
                    continue
                }
                var chart = BoundaryChart(values: FigureFactory.columns(nodeGrids[node + index]))
                chart.size = panelSize
                cells.append(SmallMultiples.Panel(title: "neuron " + c.nodeName(layer: layer, index: index), figure: chart))
            }
            node += sizes[layer]
        }
        return SmallMultiples(
            panels: cells, columns: columns, panelSize: panelSize, title: title,
            rowHeaders: hiddenLayers.count > 1 ? hiddenLayers.map { "hidden layer \($0)" } : [])
    }

    /// "1.1 from −0.98 to 0.97, positive on 48 % of the plane": each hidden neuron in numbers.
    static func summary(configuration c: TrainingConfiguration, nodeGrids: [HeatmapGrid]) -> [String] {
        let sizes = c.layerSizes
        var texts: [String] = []
        var node = sizes[0]
        for layer in 1..<(sizes.count - 1) {
            for index in 0..<sizes[layer] {
                let values = nodeGrids[node + index].values
                let positive = Double(values.count { $0 > 0 }) / Double(max(values.count, 1))
                texts.append(
                    "\(c.nodeName(layer: layer, index: index)) from \(NumberFormatting.decimal(values.min() ?? 0, fractionDigits: 2)) to \(NumberFormatting.decimal(values.max() ?? 0, fractionDigits: 2)), positive on \(ValueFormatting.percent(positive)) of the plane"
                )
            }
            node += sizes[layer]
        }
        return texts
    }
}
