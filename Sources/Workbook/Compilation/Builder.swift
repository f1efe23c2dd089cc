import CairoRendering
import ChapterMarkdown
import Foundation
import PlaygroundTrainer
import Plotting

/// `labbook build`: the pipeline in order — analyse every chapter, train what the cache lacks,
/// analyse the results once, render what the cache lacks, write the workbook into a staging
/// folder and swap it into place. Each stage only reads what the one before produced.
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

    /// Parses and analyses everything, trains nothing; the plan carries every diagnostic.
    public func check() -> BookPlan {
        BookLoader.load(chaptersFolder: options.chapters, displayPrefix: options.displayPrefix, edition: options.edition)
    }

    /// Builds the workbook. Throws ``BuildFailure`` for problems in the chapters (nothing is
    /// written) and ``FileError`` when the disk fails; `Output/` is then left as it was.
    @discardableResult
    public func build() throws -> BuildReport {
        let started = Date()
        var trace = StageTrace()
        var report = BuildReport()
        try FolderGuard.check(options)
        let lock = try BookLock(output: options.output, waiting: progress)
        defer { withExtendedLifetime(lock) {} }
        if let note = OutputTransaction.recover(destination: options.output) { report.notes.append(note) }

        trace.mark("lock")
        let plan = check()
        trace.mark("parse and analyse")
        if plan.hasErrors { throw BuildFailure(diagnostics: plan.diagnostics) }
        report.warnings += plan.diagnostics
        report.chapters = plan.chapters.count
        let roster = try readRoster()
        // With a roster, each student's variant of the plan (worksheets on their own seeds).
        let variants = roster?.students.map { StudentVariant(student: $0) } ?? []
        let variantPlans = variants.map { $0.apply(to: plan) }

        // 1. Training: every run of every plan, from the cache or trained now, in one pool.
        let trainingStart = Date()
        let trainingCPUStart = ProcessCPU.seconds()
        let cache = BuildCache(root: options.cache, checked: options.checkedCacheFiles)
        report.notes += cache.prepare()
        let store = RunStore(cache: cache, memory: options.runMemory)
        let experiments = plan.experimentsInOrder
        report.experiments = experiments.count
        report.dataFiles = Array(
            Set(
                experiments.flatMap { spec in
                    spec.combinations.compactMap { $0.settings.configuration.pointSet?.path }
                })
        ).sorted().map { options.chapters.appendingPathComponent($0).standardizedFileURL }
        let allExperiments = experiments + variantPlans.flatMap(\.experimentsInOrder)
        let allJobs = allExperiments.flatMap { $0.combinations.flatMap(\.jobs) }
        let missing = store.loadCached(allJobs)
        let estimate = WorkEstimate(jobs: missing, experiments: allExperiments)
        if estimate.minutes > options.trainingBudgetMinutes {
            throw BuildFailure(diagnostics: estimate.refusal(budgetMinutes: options.trainingBudgetMinutes))
        }
        if let remote = options.remoteTraining, !missing.isEmpty {
            // Trained elsewhere into the cache, then read back like an earlier build's runs.
            try remote.train(missing, cache: cache, estimatedCPUSeconds: estimate.seconds)
            let absent = store.loadCached(missing)
            if !absent.isEmpty { throw MissingRunsError(cache: cache.root, missing: absent.count) }
        } else {
            if estimate.seconds >= 10 { progress(estimate.summary(workers: options.jobs)) }
            try train(missing, experiments: allExperiments, store: store)
        }
        let missingKeys = Set(missing.map(\.key))
        for spec in experiments {
            let keys = spec.combinations.flatMap(\.jobs).map(\.key)
            if keys.contains(where: missingKeys.contains) { report.trainedExperiments += 1 } else { report.cachedExperiments += 1 }
        }
        report.trainedRuns = missing.count
        report.cachedRuns = Set(allJobs.map(\.key)).count - missing.count
        report.trainingSeconds = Date().timeIntervalSince(trainingStart)
        report.trainingCPUSeconds = ProcessCPU.seconds() - trainingCPUStart
        trace.mark("training")

        // 2. One analysis of the results per plan, read by everything after it.
        let results = ResultsAnalysis.analyse(experiments, store: store, worksheets: plan.worksheets, memory: options.resultsMemory)
        report.warnings += ResultsAnalysis.divergenceWarnings(experiments, results: results)
        // Claims (`{check}`) against that analysis, before anything is written: one that does
        // not hold fails the build and leaves Output/ as it was.
        let failedClaims = ClaimCheck.failures(plan, results: results)
        if !failedClaims.isEmpty { throw BuildFailure(diagnostics: failedClaims) }
        let variantResults = variantPlans.map {
            ResultsAnalysis.analyse($0.experimentsInOrder, store: store, worksheets: $0.worksheets, memory: options.resultsMemory)
        }
        report.warnings += DegenerateVariants.warnings(
            Array(zip(variants, zip(variantPlans, variantResults)).map { ($0.0, $0.1.0, $0.1.1) }))

        // 3 and 4. Figures, pages and downloads, into a staging folder swapped in at the end.
        trace.mark("results analysis")
        let renderer = try FigureRenderer()
        let transaction = try OutputTransaction(destination: options.output, memory: options.outputMemory)
        do {
            if roster != nil && options.edition == .student {
                // One student edition per student, and an index of them for the instructor. The
                // students' books differ only in their worksheets: each site reuses the chapter
                // bodies and search entries of the one before whose inputs are equal (the
                // memory `serve` keeps between edits, here kept from student to student).
                let memory = options.pageMemory ?? PageMemory()
                for (variant, (variantPlan, variantResult)) in zip(variants, zip(variantPlans, variantResults)) {
                    let folder = transaction.staging.appendingPathComponent("students").appendingPathComponent(variant.student.id)
                    try writeSite(
                        variantPlan, results: variantResult, into: folder, writer: transaction.writer, student: variant.student,
                        store: store, cache: cache, renderer: renderer, pageMemory: memory, report: &report)
                }
                try RosterIndexPage(plan: plan, students: variants.map(\.student)).write(
                    into: transaction.staging, writer: transaction.writer)
            } else {
                try writeSite(
                    plan, results: results, into: transaction.staging, writer: transaction.writer, student: nil, store: store, cache: cache,
                    renderer: renderer, pageMemory: options.pageMemory, report: &report)
                if roster != nil {
                    // The instructor's key to every student's worksheets; never in a student build.
                    try VariantKey(
                        plan: plan, variants: Array(zip(variants, zip(variantPlans, variantResults)).map { ($0.0, $0.1.0, $0.1.1) })
                    )
                    .write(into: transaction.staging, writer: transaction.writer)
                }
            }
            trace.mark("site")
            try transaction.commit(published: options.published ?? {})
            trace.mark("commit")
            report.writtenFiles = transaction.writer.counts.written
            report.unchangedFiles = transaction.writer.counts.reused
        } catch {
            transaction.abandon()
            throw error
        }
        report.totalSeconds = Date().timeIntervalSince(started)
        return report
    }

    /// `labbook plan`: the runs this build would train (what the cache lacks of every plan,
    /// the roster's variants included) and their estimated cost; trains and writes nothing.
    public func planRuns() throws -> RunPlan {
        try FolderGuard.check(options)
        let plan = check()
        if plan.hasErrors { throw BuildFailure(diagnostics: plan.diagnostics) }
        let variantPlans = try readRoster()?.students.map { StudentVariant(student: $0).apply(to: plan) } ?? []
        let experiments = plan.experimentsInOrder + variantPlans.flatMap(\.experimentsInOrder)
        let jobs = experiments.flatMap { $0.combinations.flatMap(\.jobs) }
        let missing = RunStore(cache: BuildCache(root: options.cache)).loadCached(jobs)
        return RunPlan(
            missing: missing, totalRuns: Set(jobs.map(\.key)).count,
            estimatedCPUSeconds: WorkEstimate(jobs: missing, experiments: experiments).seconds)
    }

    /// The key to every student's worksheets, for `labbook grade`: the instructor plan's
    /// variants for the roster, from the cache or trained now — the same rows as `key.csv`.
    public func keyRows() throws -> [KeyRow] {
        var instructor = options
        instructor.edition = .instructor
        let plan = Builder(options: instructor).check()
        if plan.hasErrors { throw BuildFailure(diagnostics: plan.diagnostics) }
        guard let roster = try readRoster() else { return [] }
        try BuildCache.checkIsOurs(options.cache)
        let cache = BuildCache(root: options.cache)
        _ = cache.prepare()
        let store = RunStore(cache: cache)
        let variants = roster.students.map { StudentVariant(student: $0) }
        let plans = variants.map { $0.apply(to: plan) }
        let experiments = plans.flatMap(\.experimentsInOrder)
        let missing = store.loadCached(experiments.flatMap { $0.combinations.flatMap(\.jobs) })
        try train(missing, experiments: experiments, store: store)
        return KeyRow.rows(
            zip(variants, plans).map { variant, variantPlan in
                (
                    variant, variantPlan,
                    ResultsAnalysis.analyse(variantPlan.experimentsInOrder, store: store, worksheets: variantPlan.worksheets)
                )
            })
    }

    /// The roster named by `--roster`, or nil; its problems stop the build like a chapter's.
    func readRoster() throws -> Roster? {
        guard let url = options.roster else { return nil }
        let (roster, diagnostics) = Roster.read(url, displayPath: options.rosterDisplayPath ?? url.lastPathComponent)
        guard let roster else { throw BuildFailure(diagnostics: diagnostics) }
        return roster
    }

    /// Renders what the cache lacks of one plan's figures and writes its site into `folder`.
    private func writeSite(
        _ plan: BookPlan, results: BookResults, into folder: URL, writer: OutputWriter, student: Roster.Student?,
        store: RunStore, cache: BuildCache, renderer: FigureRenderer, pageMemory: PageMemory?, report: inout BuildReport
    ) throws {
        let renderingStart = Date()
        let renderingCPUStart = ProcessCPU.seconds()
        let tasks = figureTasks(plan, results: results)
        var trace = StageTrace()
        let figureFiles = try FigureRendering(
            cache: cache, store: store, renderer: renderer, workers: options.jobs, progress: progress
        ).render(tasks, report: &report)
        report.renderingSeconds += Date().timeIntervalSince(renderingStart)
        report.renderingCPUSeconds += ProcessCPU.seconds() - renderingCPUStart
        trace.mark("figures")
        let writingStart = Date()
        let downloads = try ExperimentDownloads.collect(plan, store: store, workers: options.jobs)
        trace.mark("downloads")
        var site = SiteWriter(plan: plan, results: results, figures: figureFiles, edition: options.edition, downloads: downloads)
        site.studentName = student?.name
        site.memory = pageMemory
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try site.write(to: folder, writer: writer)
        report.writingSeconds += Date().timeIntervalSince(writingStart)
    }

    func train(_ missing: [RunJob], experiments: [ExperimentSpec], store: RunStore) throws {
        var owners: [String: String] = [:]
        for spec in experiments {
            for job in spec.combinations.flatMap(\.jobs) where owners[job.key] == nil { owners[job.key] = spec.id }
        }
        let progress = self.progress
        let finished = Locked(0)
        let total = missing.count
        let ownerOf = owners
        try store.train(missing, workers: options.jobs) { job, epoch, epochs in
            if epoch % 200 == 0 || epoch >= epochs {
                progress("[\(finished.get() + 1)/\(total)] training \(ownerOf[job.key] ?? "?"), seed \(job.seed): epoch \(epoch)/\(epochs)")
            }
        } finished: { _ in
            finished.update { $0 += 1 }
        }
    }

    func figureTasks(_ plan: BookPlan, results: BookResults) -> [FigureTask] {
        var tasks: [FigureTask] = []
        for chapter in plan.chapters {
            for block in chapter.blocks {
                guard let id = block.id, let figures = plan.figures[id] else { continue }
                for figure in figures {
                    let source: FigureTask.Source
                    switch block {
                    case .experiment(let spec):
                        source = .panels(
                            ResultPanel.panels(of: spec, results: results[spec.id]), spec.display, sweep: spec.sweep,
                            metric: spec.resultMetric)
                    case .comparison(let spec):
                        let experiments = spec.experimentIDs.compactMap { plan.experiments[$0]?.spec }
                        source = .panels(
                            ResultPanel.panels(of: spec, experiments: experiments, results: results), spec.display,
                            sweep: [], metric: .testLoss)
                    case .dataset(let spec): source = .dataset(spec)
                    case .activations(let spec): source = .activations(spec)
                    case .question, .invalid: continue
                    }
                    let task = FigureTask(ownerID: id, kind: figure.kind, place: figure.place, source: source)
                    tasks.append(task)
                    if case .experiment(let spec) = block {
                        tasks += SliderFrames.tasks(for: task, spec: spec, results: results[spec.id])
                    }
                }
            }
        }
        return tasks
    }
}
