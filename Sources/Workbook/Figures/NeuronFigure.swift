import PlaygroundTrainer
import Plotting

/// The `neuron` figure: the representative run's network (initial, final or at an epoch), one
/// neuron and one input point, worked through as the seed's §10.1.3 does by hand.
struct NeuronFigure {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore
    let recordings: RunEvaluations

    func make() throws -> any Figure {
        let charts = try panels.map { try chart($0) }
        if charts.count == 1 { return charts[0] }
        let grid = FigureFactory.grid(zip(panels, charts).map { ($0.title, $1.figure) }, panelSize: charts[0].size)
        return DescribedFigure(figure: grid, label: zip(panels, charts).map { "\($0.title): \($1.label)" }.joined(separator: "; "))
    }

    /// The network the spec names, and the epoch it is from (a run that stopped earlier than
    /// the epoch asked for gives its last network).
    func network(_ panel: ResultPanel, _ which: NeuronSpec.Network) throws -> (NetworkParameters, epoch: Int) {
        let job = panel.jobs[panel.results.representativeIndex]
        let run = try store.result(job)
        switch which {
        case .initial: return (run.initial, 0)
        case .final: return (run.final, run.epochsRun)
        case .epoch(let wanted):
            let epoch = min(wanted, run.epochsRun)
            if epoch == run.epochsRun { return (run.final, epoch) }
            let recording = SnapshotRecording(epochs: [epoch])
            let recorded = recordings.recording(for: job, recording) {
                Trainer(configuration: job.configuration).run(seed: job.seed, reset: job.reset, recording: recording)
            }
            return (recorded.snapshots[0].parameters, epoch)
        }
    }

    func computation(_ panel: ResultPanel) throws -> (NeuronComputation, epoch: Int, NeuronSpec) {
        guard let neuron = display.neuron else {
            throw FileError(path: panel.title, reason: "the neuron figure has no neuron to show")
        }
        let (parameters, epoch) = try network(panel, neuron.network)
        let computation = NeuronComputation(
            configuration: panel.settings.configuration, parameters: parameters, layer: neuron.layer, index: neuron.index,
            x1: neuron.x1, x2: neuron.x2)
        return (computation, epoch, neuron)
    }

    func chart(_ panel: ResultPanel) throws -> DescribedFigure {
        let (computation, epoch, neuron) = try computation(panel)
        let lower = min(-4, computation.z - 0.5), upper = max(4, computation.z + 0.5)
        let curve = (0...120).map { i -> Point in
            let z = lower + (upper - lower) * Double(i) / 120
            return Point(x: z, y: computation.activation.value(z))
        }
        let point = "(\(NumberFormatting.shortest(neuron.x1, maximumDigits: 3)), \(NumberFormatting.shortest(neuron.x2, maximumDigits: 3)))"
        let who = neuron.name == "output" ? "The output neuron" : "Neuron \(neuron.name)"
        let when = epoch == 0 ? "untrained network" : "network after epoch \(epoch)"
        let chart = NeuronChart(
            inputs: computation.terms.map { .init(label: $0.label, value: $0.value, weight: $0.weight) },
            bias: computation.bias, z: computation.z, activationName: computation.activation.rawValue, a: computation.a,
            curve: curve, title: "\(who) at the point \(point), \(when)")
        let printed = chart.printed
        let terms = zip(computation.terms, printed.inputs).map { "\($0.label) \($1.value) × \($1.weight) = \($1.product)" }
        let label =
            "\(who.lowercased()) at \(point) in the \(when): " + terms.joined(separator: "; ")
            + "; bias \(printed.bias); z = \(printed.z); a = \(computation.activation.rawValue)(z) = \(printed.a)"
        return DescribedFigure(figure: chart, label: label)
    }
}
