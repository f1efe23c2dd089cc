import Foundation
import PlaygroundTrainer
import Plotting

/// The `backprop` figure: one example through the representative run's network (initial by
/// default, or at `neuron-epoch`) and back — forward values, the output error, δ of every
/// neuron, every link's and bias's gradient, the step −lr·gradient and the new value — with
/// the trainer's own numbers (``Network/backwardPass(x1:x2:label:)``): with batch size 1 the
/// new weights are the trainer's after that step, bit for bit.
struct BackpropFigure {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore
    let recordings: RunEvaluations

    func make() throws -> any Figure {
        let cards = try panels.map { try card($0) }
        if cards.count == 1 { return cards[0] }
        let grid = FigureFactory.grid(zip(panels, cards).map { ($0.title, $1.figure) }, panelSize: cards[0].size)
        return DescribedFigure(
            figure: grid, label: zip(panels, cards).map { "\($0.title): \($1.label)" }.joined(separator: "; "),
            details: zip(panels, cards).compactMap { panel, card in card.details.map { "\(panel.title): \($0)" } }.joined(separator: " "))
    }

    /// The example's point and label: the k-th training example of the run's data, or the point
    /// written with its label.
    static func example(_ spec: BackpropSpec, configuration: TrainingConfiguration, seed: String) -> (x1: Double, x2: Double, label: Double)
    {
        switch spec.example {
        case .training(let k):
            let point = configuration.makeData(seed: seed).0.train[k - 1]
            return (point.x, point.y, point.label)
        case .point(let x1, let x2, let label):
            return (x1, x2, label)
        }
    }

    /// The pass for a panel: its network, the example, the trainer's numbers.
    func pass(_ panel: ResultPanel) throws -> (BackwardPass, epoch: Int, BackpropSpec) {
        guard let spec = display.backprop else {
            throw FileError(path: panel.title, reason: "the backprop figure has no example to show")
        }
        let neuron = NeuronFigure(panels: panels, display: display, store: store, recordings: recordings)
        let (parameters, epoch) = try neuron.network(panel, spec.network)
        let c = panel.settings.configuration
        let job = panel.jobs[panel.results.representativeIndex]
        let example = Self.example(spec, configuration: c, seed: job.seed)
        let pass = Network(configuration: c, parameters: parameters).backwardPass(x1: example.x1, x2: example.x2, label: example.label)
        return (pass, epoch, spec)
    }

    func card(_ panel: ResultPanel) throws -> DescribedFigure {
        let (pass, epoch, spec) = try pass(panel)
        return Self.card(configuration: panel.settings.configuration, pass: pass, epoch: epoch, example: spec.example)
    }

    /// The card of a pass through the network after `epoch` (0 = untrained).
    static func card(
        configuration c: TrainingConfiguration, pass: BackwardPass, epoch: Int, example: BackpropSpec.Example
    ) -> DescribedFigure {
        let sizes = c.layerSizes
        let value = BackpropChart.valueText, weight = BackpropChart.weightText
        let inputs = sizes[0]
        // Node boxes, layer by layer; non-input node n is index n − inputs of δ and the biases.
        var columns: [[BackpropChart.Node]] = []
        var node = 0
        for layer in sizes.indices {
            var column: [BackpropChart.Node] = []
            for index in 0..<sizes[layer] {
                let name = c.nodeName(layer: layer, index: index)
                if layer == 0 {
                    column.append(.init(name: name, lines: ["a = " + weight(pass.a[node])]))
                } else {
                    let k = node - inputs
                    var lines = ["z = " + weight(pass.z[node]), "a = " + weight(pass.a[node])]
                    if layer == sizes.count - 1 { lines.append("a − y = " + value(pass.errorDerivative[k])) }
                    lines += ["δ = " + value(pass.delta[k]), "b′ = " + weight(pass.updated.biases[k])]
                    column.append(.init(name: name, lines: lines))
                }
                node += 1
            }
            columns.append(column)
        }
        var links: [BackpropChart.Link] = []
        let names = c.parameterNames
        var rows: [[String]] = []
        let lr = c.learningRate
        let dead = Set(pass.parameters.deadLinks)
        for layer in 1..<sizes.count {
            for destination in 0..<sizes[layer] {
                for source in 0..<sizes[layer - 1] {
                    let k = pass.parameters.linkIndex(layer: layer, from: source, to: destination)
                    let w = pass.parameters.weights[k]
                    links.append(.init(fromColumn: layer - 1, fromIndex: source, toIndex: destination, weight: w))
                    let name = names.weights[k].replacingOccurrences(of: " -> ", with: " → ")
                    rows.append(
                        dead.contains(k)
                            ? [name, weight(w), "dead (L1)", "", weight(pass.updated.weights[k])]
                            : [
                                name, weight(w), value(pass.weightGradients[k]), value(-(lr * pass.weightGradients[k])),
                                weight(pass.updated.weights[k]),
                            ])
                }
            }
        }
        for k in pass.biasGradients.indices {
            rows.append([
                names.biases[k], weight(pass.parameters.biases[k]), value(pass.biasGradients[k]),
                value(-(lr * pass.biasGradients[k])), weight(pass.updated.biases[k]),
            ])
        }
        let point = "(\(NumberFormatting.shortest(pass.x1, maximumDigits: 3)), \(NumberFormatting.shortest(pass.x2, maximumDigits: 3)))"
        let labelText = NumberFormatting.shortest(pass.label, maximumDigits: 3)
        let which: String
        switch example {
        case .training(let k): which = "training example \(k), \(point), label \(labelText)"
        case .point: which = "the point \(point), label \(labelText)"
        }
        let when = epoch == 0 ? "untrained network" : "network after epoch \(epoch)"
        var note = "Loss E = \(value(pass.loss)) · learning rate \(javaScriptNumberString(lr)) · one step on this example alone"
        if c.batchSize > 1 { note += " (training averages \(c.batchSize) examples per step)" }
        if c.regularization != .none { note += " · new w includes the \(c.regularization.rawValue) step" }
        let chart = BackpropChart(
            columns: columns, links: links,
            header: ["weight or bias", "now", "gradient", "−lr · gradient", "new"], rows: rows, note: note,
            title: "Backward pass of \(which), \(when)")
        let output = pass.a[pass.a.count - 1]
        let strongest = pass.weightGradients.indices.max { abs(pass.weightGradients[$0]) < abs(pass.weightGradients[$1]) }
        var label =
            "\(which) in the \(when): output \(value(output)), a − y = \(value(pass.errorDerivative.last ?? 0)), loss \(value(pass.loss))"
        if let s = strongest {
            label +=
                "; largest gradient \(names.weights[s].replacingOccurrences(of: " -> ", with: " → ")) \(value(pass.weightGradients[s]))"
        }
        let details =
            "δ of each neuron: "
            + (inputs..<pass.a.count).map { "\(Self.name(c, node: $0)) \(value(pass.delta[$0 - inputs]))" }.joined(separator: ", ")
            + ". Each weight, its gradient and the new weight: "
            + rows.map { "\($0[0]): \($0[1]), gradient \($0[2]), new \($0[4])" }.joined(separator: "; ") + "."
        return DescribedFigure(figure: chart, label: label, details: details)
    }

    static func name(_ c: TrainingConfiguration, node: Int) -> String {
        // Layer by layer: node n of the flat order is in the first layer whose sizes sum past it.
        var layer = 0, index = node
        while index >= c.layerSizes[layer] {
            index -= c.layerSizes[layer]
            layer += 1
        }
        return c.nodeName(layer: layer, index: index)
    }
}
