import CairoRendering
import Foundation
import Plotting

/// Renders every figure the cache lacks, in parallel, and returns each figure's cached files.
struct FigureRendering {
    let cache: BuildCache
    let store: RunStore
    let renderer: FigureRenderer
    let workers: Int
    let progress: @Sendable (String) -> Void
    /// Grids and data sets, computed once per run and shared by that run's figures.
    let evaluations = RunEvaluations()

    func render(_ tasks: [FigureTask], report: inout BuildReport) throws -> [String: RenderedFigure] {
        var result: [String: RenderedFigure] = [:]
        var pending: [(FigureTask, String)] = []
        for task in tasks {
            let key = task.key
            if let rendered = Self.cachedFigure(key: key, formats: task.formats, cache: cache) {
                result[task.fileStem] = rendered
            } else {
                pending.append((task, key))
            }
        }
        report.cachedFigures += result.count
        report.renderedFigures += pending.count
        let work = pending
        let rendered = Locked<[String: RenderedFigure]>([:])
        let (progress, renderer, cache, store, evaluations) = (self.progress, self.renderer, self.cache, self.store, self.evaluations)
        try runInParallel(count: work.count, workers: workers) { index in
            let (task, key) = work[index]
            progress("rendering \(task.fileStem)")
            let figure = try task.makeFigure(store: store, evaluations: evaluations)
            for format in task.formats {
                let bytes = try renderer.render(figure, as: format)
                try cache.write(Data(bytes), "figures", key, format.fileExtension)
            }
            // A grid's one-column layout for phones: an SVG only (a few kilobytes per panel).
            var narrowLayout: FigureLayout? = nil
            if task.frameEpoch == nil, let narrow = ReadableLayout.narrow(figure) {
                try cache.write(Data(try renderer.render(narrow, as: .svg)), "figures", key, RenderedFigure.narrowExtension)
                narrowLayout = FigureLayout(
                    width: narrow.size.width, height: narrow.size.height,
                    smallestText: narrow.smallestTextSize(metrics: renderer.fontMetrics))
            }
            let meta = FigureMeta(
                width: figure.size.width, height: figure.size.height,
                smallestText: figure.smallestTextSize(metrics: renderer.fontMetrics), narrow: narrowLayout,
                label: (figure as? DescribedFigure)?.label, details: (figure as? DescribedFigure)?.details)
            try cache.write(try JSONEncoder().encode(meta), "figures", key, "meta.json")
            // The entry from what this build wrote, not read back: another build writing the same
            // figure at the same moment must not make this one fail. The files are whole either
            // way (renamed into place) and show the same figure (the key names its content).
            var files: [String: URL] = [:]
            for format in task.formats { files[format.fileExtension] = cache.url("figures", key, format.fileExtension) }
            if meta.narrow != nil {
                files[RenderedFigure.narrowExtension] = cache.url("figures", key, RenderedFigure.narrowExtension)
            }
            let entry = RenderedFigure(
                files: files, width: meta.width, height: meta.height, label: meta.label, details: meta.details,
                smallestText: meta.smallestText, narrow: meta.narrow)
            rendered.update { $0[task.fileStem] = entry }
        }
        result.merge(rendered.get()) { a, _ in a }
        report.evaluatedRuns += evaluations.computed.get()
        return result
    }

    func cachedFigure(key: String) -> RenderedFigure? { Self.cachedFigure(key: key, cache: cache) }

    static func cachedFigure(key: String, formats: [OutputFormat] = FigureTask.formats, cache: BuildCache) -> RenderedFigure? {
        guard let metaData = cache.read("figures", key, "meta.json"),
            let meta = try? JSONDecoder().decode(FigureMeta.self, from: metaData)
        else { return nil }
        var files: [String: URL] = [:]
        for format in formats {
            guard let url = cache.verifiedFile("figures", key, format.fileExtension) else { return nil }
            files[format.fileExtension] = url
        }
        if meta.narrow != nil {
            guard let url = cache.verifiedFile("figures", key, RenderedFigure.narrowExtension) else { return nil }
            files[RenderedFigure.narrowExtension] = url
        }
        return RenderedFigure(
            files: files, width: meta.width, height: meta.height, label: meta.label, details: meta.details,
            smallestText: meta.smallestText, narrow: meta.narrow)
    }
}
