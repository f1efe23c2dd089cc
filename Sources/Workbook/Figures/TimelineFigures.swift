import PlaygroundTrainer
import Plotting

/// The figures of training over time: the representative run of each panel trained again with
/// snapshot recording at the `snapshots` epochs. Training is deterministic, so the re-run is the
/// stored run, epoch for epoch; only what the figure needs is recorded (per-epoch weights only
/// for `weights`).
struct TimelineFigures {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let store: RunStore
    /// Shared by the tasks of a build, so a timeline and its slider frames train the run once.
    let recordings: RunEvaluations

    /// Boundary panels are smaller than the lone boundary chart so that four fit across a page.
    static let boundaryPanelSize = Size(width: 250, height: 262)

    func make(_ kind: FigureKind) throws -> any Figure {
        let recordings = try panels.map { try record($0, everyEpoch: kind == .weights) }
        if kind == .weights { return weights(recordings) }
        let rows = zip(panels, recordings).map { panel, recorded in
            frames(kind, panel: panel, recorded: recorded)
        }
        return Self.layout(kind, rows: rows, rowHeaders: panels.map(\.title))
    }

    /// One run's snapshots as ``layout(_:panels:)`` lays them out; a sweep's as one row per
    /// combination (headed by `rowHeaders`), the snapshots across, blank where a combination
    /// has fewer (it stopped earlier). `hidden-space` over time is laid out by this too.
    static func layout(_ kind: FigureKind, rows: [[SmallMultiples.Panel]], rowHeaders: [String]) -> SmallMultiples {
        let panelSize = rows[0].first?.figure.size ?? Self.boundaryPanelSize
        if rows.count == 1 { return Self.layout(kind, panels: rows[0]) }
        let columns = rows.map(\.count).max() ?? 1
        let cells = rows.flatMap { row in
            row + Array(repeating: SmallMultiples.Panel(figure: EmptyPanel(size: panelSize)), count: columns - row.count)
        }
        return SmallMultiples(panels: cells, columns: columns, panelSize: panelSize, rowHeaders: rowHeaders)
    }

    /// The panel's representative run, trained again recording its snapshots.
    func record(_ panel: ResultPanel, everyEpoch: Bool) throws -> RecordedRun {
        let job = panel.jobs[panel.results.representativeIndex]
        let stored = try store.result(job)
        let epochs = display.snapshots.epochs(lastEpoch: stored.epochsRun)
        let recording = SnapshotRecording(epochs: Set(epochs), everyEpochParameters: everyEpoch)
        return recordings.recording(for: job, recording) {
            Trainer(configuration: job.configuration).run(seed: job.seed, reset: job.reset, recording: recording)
        }
    }

    /// One frame of the epoch slider: the first panel's boundary (or network) at `epoch`, alone,
    /// with its epoch and losses as the frame's label (the page writes them as text). A sweep's
    /// frame is labelled with its losses only: the page names its combination and epoch.
    func frame(_ kind: FigureKind, epoch: Int, inSweep: Bool = false) throws -> DescribedFigure {
        let recorded = try record(panels[0], everyEpoch: false)
        guard let snapshot = recorded.snapshots.first(where: { $0.epoch == epoch }) else {
            throw FileError(path: panels[0].title, reason: "no snapshot at epoch \(epoch) to draw a slider frame from")
        }
        let c = panels[0].settings.configuration
        let figure = Self.snapshotFigure(
            kind, configuration: c, data: c.makeData(seed: recorded.result.seed).0, snapshot: snapshot, display: display,
            boundarySize: Self.boundaryFrameSize)
        return DescribedFigure(figure: figure, label: inSweep ? SliderFrames.losses(snapshot) : SliderFrames.label(snapshot))
    }

    /// A slider frame is seen alone, so it is a little larger than a timeline panel.
    static let boundaryFrameSize = Size(width: 300, height: 312)

    /// "epoch 100 · train 0.031 · test 0.040"
    static func title(_ snapshot: Snapshot) -> String {
        "epoch \(snapshot.epoch) · train \(ValueFormatting.loss(snapshot.trainLoss)) · test \(ValueFormatting.loss(snapshot.testLoss))"
    }

    private func frames(_ kind: FigureKind, panel: ResultPanel, recorded: RecordedRun) -> [SmallMultiples.Panel] {
        let c = panel.settings.configuration
        let data = c.makeData(seed: recorded.result.seed).0
        return recorded.snapshots.map { snapshot in
            SmallMultiples.Panel(
                title: Self.title(snapshot),
                figure: Self.snapshotFigure(kind, configuration: c, data: data, snapshot: snapshot, display: display))
        }
    }

    /// The boundary (a timeline panel's size, or `boundarySize`) or the network at one snapshot.
    static func snapshotFigure(
        _ kind: FigureKind, configuration c: TrainingConfiguration, data: DataSplit, snapshot: Snapshot,
        display: PanelDisplay, boundarySize: Size = boundaryPanelSize
    ) -> any Figure {
        let network = Network(configuration: c, parameters: snapshot.parameters)
        let evaluation = RunEvaluation(nodeGrids: network.nodeGrids(), data: data)
        if kind == .networkTimeline {
            return FigureFactory.network(configuration: c, parameters: snapshot.parameters, evaluation: evaluation)
        }
        var chart = FigureFactory.boundary(
            evaluation: evaluation, showTestData: display.showTestData, discretize: display.discretize)
        chart.size = boundarySize
        return chart
    }

    /// A single run's timeline (what `make` draws for one panel), for benchmarks and tools.
    static func layout(_ kind: FigureKind, panels: [SmallMultiples.Panel]) -> SmallMultiples {
        let panelSize = panels.first?.figure.size ?? boundaryPanelSize
        let count = panels.count
        let maximum = kind == .networkTimeline ? 2 : 4
        let columns = count <= maximum ? count : (count + 1) / 2 <= maximum ? (count + 1) / 2 : maximum
        return SmallMultiples(panels: panels, columns: max(1, columns), panelSize: panelSize)
    }

    /// Every weight and bias of each panel's representative run against the epoch, one colour
    /// per layer, the snapshot epochs marked; panels share both axes unless `axes: independent`.
    private func weights(_ recordings: [RecordedRun]) -> any Figure {
        let charts = zip(panels, recordings).map { panel, recorded in
            let sizes = panel.settings.configuration.layerSizes
            let linkCount = NetworkParameters.linkCount(layerSizes: sizes)
            var lines: [TrajectoryChart.Line] = []
            var weightStart = 0
            var biasStart = linkCount
            for layer in 1..<sizes.count {
                let links = sizes[layer - 1] * sizes[layer]
                for index in weightStart..<(weightStart + links) {
                    lines.append(.init(values: recorded.parameterHistory.map { $0[index] }, group: layer - 1))
                }
                for index in biasStart..<(biasStart + sizes[layer]) {
                    lines.append(.init(values: recorded.parameterHistory.map { $0[index] }, group: layer - 1, isDashed: true))
                }
                weightStart += links
                biasStart += sizes[layer]
            }
            let labels = (1..<sizes.count).map { layer in
                layer == sizes.count - 1 ? "into the output" : "into hidden layer \(layer)"
            }
            return TrajectoryChart(
                lines: lines, groupLabels: labels, markedEpochs: recorded.snapshots.map(\.epoch),
                yAxisTitle: "Weight or bias")
        }
        if charts.count == 1 { return charts[0] }
        // Runs of very different lengths (a stop rule met at 184 and at 3000 epochs) each keep
        // their own epoch axis, or the short one would be a sliver; the weight axis is shared.
        let lengths = charts.map(\.lastEpoch)
        let comparable = (lengths.max() ?? 0) <= 2 * max(1, lengths.min() ?? 0)
        let shown = display.sharedAxes ? TrajectoryChart.sharingAxes(charts, epochs: comparable) : charts
        return FigureFactory.grid(zip(panels, shown).map { ($0.title, $1) }, panelSize: charts[0].size)
    }
}
