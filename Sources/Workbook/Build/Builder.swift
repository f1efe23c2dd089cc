import CairoRendering
import ChapterMarkdown
import Foundation
import PlaygroundTrainer
import Plotting

/// `labbook build`: parse and check every chapter, train what the cache lacks, render what the
/// cache lacks, write the workbook into a staging folder and swap it into place.
public struct Builder: Sendable {
    public var options: BuildOptions
    /// Live progress of training (experiment, seed, epoch); the CLI draws it on a terminal.
    public var progress: @Sendable (String) -> Void

    public init(
        options: BuildOptions, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.options = options
        self.progress = progress
    }

    /// Parses and analyses everything, trains nothing; returns the diagnostics (errors and warnings).
    public func check() throws -> BookPlan {
        try BookLoader.load(chaptersFolder: options.chapters, displayPrefix: options.displayPrefix, edition: options.edition)
    }

    @discardableResult
    public func build() throws -> BuildReport {
        let started = Date()
        var report = BuildReport()
        let plan = try check()
        if plan.hasErrors {
            throw BuildFailure(diagnostics: plan.diagnostics.map(\.line))
        }
        report.warnings += plan.diagnostics.map(\.line)
        report.chapters = plan.chapters.count

        // 1. Training: every run of every experiment, from the cache or trained now.
        let trainingStart = Date()
        let cache = BuildCache(root: options.cache)
        let store = RunStore(cache: cache)
        let experiments = plan.chapters.flatMap { $0.blocks }.compactMap { block -> ExperimentSpec? in
            if case .experiment(let spec) = block { return spec }
            return nil
        }
        report.experiments = experiments.count
        let allJobs = experiments.flatMap { $0.combinations.flatMap(\.jobs) }
        let missing = store.loadCached(allJobs)
        let missingKeys = Set(missing.map(\.key))
        let owners = Dictionary(grouping: experiments.flatMap { spec in spec.combinations.flatMap(\.jobs).map { ($0.key, spec.id) } }, by: \.0)
        let progress = self.progress
        let finished = Counter()
        let total = missing.count
        try store.train(missing, workers: options.jobs) { job, epoch, epochs in
            let owner = owners[job.key]?.first?.1 ?? "?"
            if epoch % 200 == 0 || epoch >= epochs {
                progress("[\(finished.peek() + 1)/\(total)] training \(owner), seed \(job.seed): epoch \(epoch)/\(epochs)")
            }
        } finished: {
            _ = finished.increment()
        }
        for spec in experiments {
            let keys = spec.combinations.flatMap(\.jobs).map(\.key)
            if keys.contains(where: missingKeys.contains) { report.trainedExperiments += 1 } else { report.cachedExperiments += 1 }
        }
        report.trainedRuns = missing.count
        report.cachedRuns = Set(allJobs.map(\.key)).count - missing.count
        report.trainingSeconds = Date().timeIntervalSince(trainingStart)

        // Divergence is a warning; its figures say so.
        for spec in experiments {
            for combination in spec.combinations {
                let diverged = combination.jobs.compactMap { store.digest($0.key) }.filter { $0.status == .diverged }
                if !diverged.isEmpty {
                    let which = combination.assignments.isEmpty ? "" : " (\(combination.label))"
                    let message = "\(spec.location): warning: experiment '\(spec.id)'\(which) diverged for seed\(diverged.count == 1 ? "" : "s") \(diverged.map(\.seed).joined(separator: ", ")): the loss became NaN or infinite at epoch \(diverged[0].divergedAtEpoch ?? 0); try a smaller learning rate"
                    report.warnings.append(message)
                }
            }
        }

        // 2. Figures.
        let renderingStart = Date()
        let tasks = figureTasks(plan)
        let renderer = try FigureRenderer()
        let figureFiles = try renderFigures(tasks, store: store, cache: cache, renderer: renderer, report: &report)
        report.renderingSeconds = Date().timeIntervalSince(renderingStart)

        // 3. Pages, into a staging folder swapped in at the end.
        let writingStart = Date()
        let transaction = try OutputTransaction(destination: options.output)
        do {
            let site = SiteWriter(plan: plan, store: store, figures: figureFiles, options: options)
            try site.write(to: transaction.staging)
            try transaction.commit()
        } catch {
            transaction.abandon()
            throw error
        }
        report.writingSeconds = Date().timeIntervalSince(writingStart)
        report.totalSeconds = Date().timeIntervalSince(started)
        return report
    }

    func figureTasks(_ plan: BookPlan) -> [FigureTask] {
        var tasks: [FigureTask] = []
        for chapter in plan.chapters {
            for block in chapter.blocks {
                guard let id = block.id, let figures = plan.figures[id] else { continue }
                for (kind, place) in figures {
                    switch block {
                    case .experiment(let spec):
                        let item = ShowItem(rawValue: kind)!
                        tasks.append(
                            FigureTask(
                                ownerID: id, kind: kind, place: place, source: .experiment(spec, item),
                                runKeys: spec.combinations.flatMap(\.jobs).map(\.key)))
                    case .dataset(let spec):
                        tasks.append(FigureTask(ownerID: id, kind: kind, place: place, source: .dataset(spec), runKeys: []))
                    case .activations(let spec):
                        tasks.append(FigureTask(ownerID: id, kind: kind, place: place, source: .activations(spec), runKeys: []))
                    default: break
                    }
                }
            }
        }
        return tasks
    }

    /// Renders every figure the cache lacks (in parallel) and returns, per figure file stem,
    /// its cached files and size.
    func renderFigures(
        _ tasks: [FigureTask], store: RunStore, cache: BuildCache, renderer: FigureRenderer, report: inout BuildReport
    ) throws -> [String: RenderedFigure] {
        var result: [String: RenderedFigure] = [:]
        var pending: [(FigureTask, String)] = []
        for task in tasks {
            let key = task.key
            if let rendered = cachedFigure(key: key, cache: cache) {
                result[task.fileStem] = rendered
            } else {
                pending.append((task, key))
            }
        }
        report.cachedFigures = result.count
        report.renderedFigures = pending.count
        let work = pending
        let failure = Locked<Error?>(nil)
        let rendered = Locked<[String: RenderedFigure]>([:])
        let next = Counter()
        let progress = self.progress
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, work.count))) { _ in
            while true {
                let index = next.increment()
                guard index < work.count else { return }
                let (task, key) = work[index]
                do {
                    progress("rendering \(task.fileStem)")
                    let figure = try task.makeFigure(store: store)
                    for format in FigureTask.formats {
                        let bytes = try renderer.render(figure, as: format)
                        try cache.write(Data(bytes), "figures", key, format.fileExtension)
                    }
                    let meta = FigureMeta(width: figure.size.width, height: figure.size.height)
                    try cache.write(try JSONEncoder().encode(meta), "figures", key, "meta.json")
                    guard let entry = cachedFigure(key: key, cache: cache) else {
                        throw CocoaError(.fileWriteUnknown)
                    }
                    rendered.update { $0[task.fileStem] = entry }
                } catch {
                    failure.set(error)
                }
            }
        }
        if let error = failure.get() { throw error }
        result.merge(rendered.get()) { a, _ in a }
        return result
    }

    func cachedFigure(key: String, cache: BuildCache) -> RenderedFigure? {
        guard let metaData = cache.read("figures", key, "meta.json"),
            let meta = try? JSONDecoder().decode(FigureMeta.self, from: metaData)
        else { return nil }
        var files: [String: URL] = [:]
        for format in FigureTask.formats {
            guard let url = cache.verifiedFile("figures", key, format.fileExtension) else { return nil }
            files[format.fileExtension] = url
        }
        return RenderedFigure(files: files, width: meta.width, height: meta.height)
    }
}

/// A figure's files in the cache and its size in CSS pixels.
struct RenderedFigure: Sendable {
    var files: [String: URL]
    var width: Double
    var height: Double
}

extension Diagnostic {
    /// One line: `file:line:col: error: message; hint`.
    public var line: String {
        var text = description
        if let hint { text += "; \(hint)" }
        for note in notes { text += " (note: \(note))" }
        return text
    }
}
