import CairoRendering
import ChapterMarkdown
import Foundation

/// The formats `labbook export` writes.
public enum LMSFormat: String, Sendable, CaseIterable {
    /// An IMS QTI 2.1 content package (a ZIP): ``QTIPackage``.
    case qti
    /// Moodle XML: ``MoodleXML``.
    case moodle
}

/// What an export wrote.
public struct ExportReport: Sendable {
    public var items = 0
    public var figures = 0
    public var trainedRuns = 0
    public var bytes = 0
}

extension Builder {
    /// Writes the book's questions for an LMS to `destination` (`labbook export`), from the
    /// instructor's analysis of the runs (trained now where the cache lacks them). With a
    /// roster, every numeric question becomes one item per student, whose value comes from
    /// that student's own runs; the other questions stay one item each.
    ///
    /// Throws ``BuildFailure`` for problems in the chapters, the roster or the export
    /// (``DiagnosticID/badExport``), and ``FileError`` for a destination it refuses.
    public func export(_ format: LMSFormat, to destination: URL) throws -> ExportReport {
        try Self.checkExportDestination(destination, options: options)
        var instructor = options
        instructor.edition = .instructor
        let plan = Builder(options: instructor).check()
        if plan.hasErrors { throw BuildFailure(diagnostics: plan.diagnostics) }
        let roster = try readRoster()
        try BuildCache.checkIsOurs(options.cache)
        let cache = BuildCache(root: options.cache)
        _ = cache.prepare()
        let store = RunStore(cache: cache)
        let numericQuestions = plan.chapters.flatMap(\.blocks).contains { block in
            if case .question(let q) = block { return q.numeric != nil }
            return false
        }
        let variants = numericQuestions ? (roster?.students.map { StudentVariant(student: $0) } ?? []) : []
        let variantPlans = variants.map { $0.apply(to: plan) }
        let experiments = plan.experimentsInOrder + variantPlans.flatMap(\.experimentsInOrder)
        let missing = store.loadCached(experiments.flatMap { $0.combinations.flatMap(\.jobs) })
        let estimate = WorkEstimate(jobs: missing, experiments: experiments)
        if estimate.minutes > options.trainingBudgetMinutes {
            throw BuildFailure(diagnostics: estimate.refusal(budgetMinutes: options.trainingBudgetMinutes))
        }
        try train(missing, experiments: experiments, store: store)
        var report = ExportReport()
        report.trainedRuns = missing.count
        let results = ResultsAnalysis.analyse(plan.experimentsInOrder, store: store, worksheets: plan.worksheets)

        let figures = try renderQuestionFigures(plan, results: results, store: store, cache: cache)
        let writer = LMSQuestionWriter(plan: plan, results: results, figures: figures)
        let variantWriters = zip(variants, variantPlans).map { variant, variantPlan in
            (
                variant.student,
                LMSQuestionWriter(
                    plan: variantPlan,
                    results: ResultsAnalysis.analyse(variantPlan.experimentsInOrder, store: store, worksheets: variantPlan.worksheets),
                    figures: figures)
            )
        }
        var items: [LMSQuestion] = []
        var problems = DiagnosticCollector()
        for (chapter, question) in writer.questions {
            do throws(LMSExportProblem) {
                if question.numeric != nil && !variantWriters.isEmpty {
                    for (student, variantWriter) in variantWriters {
                        items.append(try variantWriter.item(question, in: chapter, student: student))
                    }
                } else {
                    items.append(try writer.item(question, in: chapter))
                }
            } catch {
                problems.error(error.message, at: error.location, hint: error.hint, id: .badExport)
            }
        }
        if !problems.diagnostics.isEmpty { throw BuildFailure(diagnostics: problems.diagnostics) }
        let bytes: [UInt8]
        switch format {
        case .qti: bytes = try QTIPackage(questions: items, bookTitle: plan.settings.title).zip()
        case .moodle: bytes = Array(try MoodleXML(questions: items, bookTitle: plan.settings.title).document().utf8)
        }
        try atomicWrite(Data(bytes), to: destination)
        report.items = items.count
        report.figures = Set(items.flatMap { ($0.promptFigures + $0.explanationFigures).map(\.fileName) }).count
        report.bytes = bytes.count
        return report
    }

    /// Renders (or takes from the cache) the figures questions refer to, as PNGs.
    func renderQuestionFigures(_ plan: BookPlan, results: BookResults, store: RunStore, cache: BuildCache) throws -> [String: LMSFigure] {
        let wanted = LMSQuestionWriter.referencedFigures(plan)
        guard !wanted.isEmpty else { return [:] }
        let stems = Set(wanted.map { "\($0.ownerID)-\($0.kind.rawValue)" })
        let tasks = figureTasks(plan, results: results).filter { stems.contains($0.fileStem) }
        var report = BuildReport()
        let rendered = try FigureRendering(
            cache: cache, store: store, renderer: try FigureRenderer(), workers: options.jobs, progress: progress
        ).render(tasks, report: &report)
        var figures: [String: LMSFigure] = [:]
        for (place, ownerID, kind) in wanted {
            let stem = "\(ownerID)-\(kind.rawValue)"
            guard let figure = rendered[stem], let png = figure.files["png"] else { continue }
            figures[place.anchor] = LMSFigure(
                fileName: stem + ".png", label: "Figure \(place.label)",
                alt: LMSQuestionWriter.altText(ownerID: ownerID, kind: kind, plan: plan, results: results, label: figure.label),
                width: Int(figure.width), height: Int(figure.height), source: png)
        }
        return figures
    }

    /// An export goes where the user says, but never into a folder a build wrote (a student's
    /// edition above all, which students receive whole) nor into this book's output folder:
    /// a build replaces those folders, and the export holds every answer.
    static func checkExportDestination(_ destination: URL, options: BuildOptions) throws(FileError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileError(path: destination.path, reason: "is a folder; valid: a file path such as questions.zip")
        }
        let folder = RealPath.of(destination.deletingLastPathComponent())
        let output = RealPath.of(options.output)
        if folder == output || RealPath.isInside(folder, output) {
            throw FileError(
                path: destination.path,
                reason:
                    "refusing to write an export into the output folder \(options.output.path): a build replaces it, and a student edition must never hold the answers; valid: a path outside it, e.g. questions.zip"
            )
        }
        var current = URL(fileURLWithPath: folder)
        while true {
            if fm.fileExists(atPath: current.appendingPathComponent(FolderGuard.outputMarker).path) {
                throw FileError(
                    path: destination.path,
                    reason:
                        "refusing to write an export into \(current.path), a folder `labbook build` wrote (its \(FolderGuard.outputMarker) marker): a build replaces it, and a student edition must never hold the answers; valid: a path outside it, e.g. questions.zip"
                )
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path || current.path == "/" { break }
            current = parent
        }
    }
}
