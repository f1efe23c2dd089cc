import Foundation
import PlaygroundTrainer
import Plotting
import CairoRendering

/// One figure of the book: where it goes, what it depends on, how to draw it.
struct FigureTask: Sendable {
    enum Source: Sendable {
        case experiment(ExperimentSpec, ShowItem)
        case dataset(DatasetSpec)
        case activations(ActivationsSpec)
    }

    var ownerID: String
    var kind: String
    var place: FigurePlace
    var source: Source
    /// Run keys the figure is drawn from (empty for figures without training).
    var runKeys: [String]

    var fileStem: String { "\(ownerID)-\(kind)" }

    static let formats: [OutputFormat] = [.png, .svg, .pdf]

    /// Results in, options in, renderer version in: equal keys mean byte-identical files.
    var key: String {
        var text = "labbook-figure\n\(FigureFactory.version)\n\(FigureRenderer.rendererVersion)\n\(kind)\n"
        switch source {
        case .experiment(let spec, _):
            text += "test=\(spec.showTestData) discretize=\(spec.discretize) log=\(spec.logScale)\n"
            text += spec.combinations.map(\.shortLabel).joined(separator: "|") + "\n"
        case .dataset(let spec):
            text += spec.settings.configuration.resolvedSettings.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
            text += "\ntest=\(spec.showTestData) title=\(spec.title ?? "")\n"
        case .activations(let spec):
            text += "\(spec.functions.map(\.rawValue)) \(spec.range) \(spec.derivatives)\n"
        }
        text += runKeys.joined(separator: "\n")
        return SHA256.hex(text)
    }

    /// Builds the figure description (loading full results from the store as needed).
    func makeFigure(store: RunStore) throws -> any Figure {
        switch source {
        case .dataset(let spec):
            let c = spec.settings.configuration
            return FigureFactory.data(configuration: c, seed: c.seed, showTestData: spec.showTestData, title: spec.title)
        case .activations(let spec):
            return FigureFactory.activations(spec.functions, range: spec.range, derivatives: spec.derivatives)
        case .experiment(let spec, let item):
            var panels: [(String, any Figure)] = []
            for combination in spec.combinations {
                let runs = try combination.jobs.map { try store.result($0) }
                let c = combination.settings.configuration
                let representative = ExperimentResult(configuration: c, runs: runs).representativeRun
                let figure: any Figure
                switch item {
                case .boundary:
                    figure = FigureFactory.boundary(
                        configuration: c, run: representative, showTestData: spec.showTestData, discretize: spec.discretize)
                case .network:
                    figure = FigureFactory.network(configuration: c, run: representative)
                case .loss:
                    figure = FigureFactory.loss(configuration: c, runs: runs, logarithmic: spec.logScale)
                case .data:
                    figure = FigureFactory.data(
                        configuration: c, seed: representative.seed, showTestData: spec.showTestData, title: nil)
                case .table:
                    fatalError("a table is not a figure")
                }
                panels.append((combination.shortLabel, figure))
            }
            if panels.count == 1 { return panels[0].1 }
            return FigureFactory.grid(panels, panelSize: panels[0].1.size)
        }
    }
}

/// Size of a rendered figure in CSS pixels, kept beside cached files for the `<img>` tag.
struct FigureMeta: Codable, Sendable {
    var width: Double
    var height: Double
}
