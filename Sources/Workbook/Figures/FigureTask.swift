import CairoRendering
import Foundation
import PlaygroundTrainer
import Plotting

/// One figure of the book: where it goes, what it depends on, how to draw it.
struct FigureTask: Sendable {
    enum Source: Sendable {
        /// An experiment's or a comparison's figure, drawn from runs and the one analysis of them.
        case panels([ResultPanel], PanelDisplay, sweep: [SweepAxis], metric: ResultMetric)
        case dataset(DatasetSpec)
        case activations(ActivationsSpec)
    }

    var ownerID: String
    var kind: FigureKind
    var place: FigurePlace
    var source: Source
    /// For the epoch slider: the snapshot epoch of one frame of a timeline (a PNG of its own);
    /// nil for a whole figure.
    var frameEpoch: Int? = nil
    /// For a sweep's slider frame: which combination (from 0) it draws; its `source` then holds
    /// that combination's panel alone. Nil for a whole figure and outside a sweep.
    var frameCombination: Int? = nil

    /// File names come from checked IDs and fixed kind names only (``DirectiveID``):
    /// `xor-boundary-timeline`, or a slider frame `xor-boundary-epoch-120` (in a sweep
    /// `xor-boundary-c2-epoch-120`).
    var fileStem: String {
        guard let frameEpoch else { return "\(ownerID)-\(kind.rawValue)" }
        return SliderFrames.stem(ownerID: ownerID, kind: kind, combination: frameCombination, epoch: frameEpoch)
    }

    static let formats: [OutputFormat] = [.png, .svg, .pdf]

    /// Slider frames are shown on screen only (print has the timeline): PNG alone.
    var formats: [OutputFormat] { frameEpoch == nil ? Self.formats : [.png] }

    /// Results in, options in, renderer version in: equal keys mean byte-identical files.
    var key: String {
        var text = "labbook-figure\n\(FigureFactory.version)\n\(FigureRenderer.rendererVersion)\n\(kind.rawValue)\n"
        if let frameEpoch { text += "frame=\(frameEpoch)\n" }
        if let frameCombination { text += "combination=\(frameCombination)\n" }
        switch source {
        case .panels(let panels, let display, let sweep, let metric):
            text += display.keyText + " metric=\(metric.rawValue)\n"
            text += sweep.map { "\($0.key.rawValue)=\($0.values.map(\.text))" }.joined(separator: ";") + "\n"
            for panel in panels {
                text += panel.title + "\n" + panel.jobs.map(\.key).joined(separator: "\n") + "\n"
            }
        case .dataset(let spec):
            text += RunJob.canonicalEncoding(spec.settings.configuration, seed: spec.settings.configuration.seed)
            text += "\ntest=\(spec.showTestData) title=\(spec.title ?? "")\n"
        case .activations(let spec):
            text += "\(spec.functions.map(\.rawValue)) \(spec.range) \(spec.derivatives)\n"
        }
        return SHA256.hex(text)
    }

    /// Builds the figure description (loading full results from the store as needed).
    func makeFigure(store: RunStore, evaluations: RunEvaluations) throws -> any Figure {
        switch source {
        case .dataset(let spec):
            let c = spec.settings.configuration
            return FigureFactory.data(c.makeData(seed: c.seed).0, showTestData: spec.showTestData, title: spec.title)
        case .activations(let spec):
            return ReadableLayout.fitted(FigureFactory.activations(spec.functions, range: spec.range, derivatives: spec.derivatives))
        case .panels(let panels, let display, _, _) where frameEpoch != nil && kind == .hiddenSpace:
            return try HiddenSpaceFigure(panels: panels, display: display, store: store, recordings: evaluations)
                .frame(epoch: frameEpoch!, combination: frameCombination)
        case .panels(let panels, let display, _, _) where frameEpoch != nil:
            return try TimelineFigures(panels: panels, display: display, store: store, recordings: evaluations)
                .frame(kind, epoch: frameEpoch!, inSweep: frameCombination != nil)
        case .panels(let panels, let display, let sweep, let metric):
            return ReadableLayout.fitted(
                try ExperimentPanels(
                    panels: panels, display: display, sweep: sweep, resultMetric: metric, store: store, evaluations: evaluations
                ).make(kind))
        }
    }
}

/// Size of a rendered figure in CSS pixels, kept beside cached files for the `<img>` tag.
struct FigureMeta: Codable, Sendable {
    var width: Double
    var height: Double
    /// The font size of its smallest text at natural size (nil: it draws none).
    var smallestText: Double? = nil
    /// Its one-column layout for phones (``ReadableLayout/narrow(_:)``), when it has one.
    var narrow: FigureLayout? = nil
    /// What a slider frame shows in words ("epoch 100 · train 0.031 · test 0.040"); nil otherwise.
    var label: String? = nil
    /// The figure's numbers in words beyond its label, for the long description; nil otherwise.
    var details: String? = nil
}

/// The size and the smallest text of one layout of a figure, in CSS px at natural size.
struct FigureLayout: Codable, Sendable, Equatable {
    var width: Double
    var height: Double
    var smallestText: Double?
}
