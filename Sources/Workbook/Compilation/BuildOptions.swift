import ChapterMarkdown
import Foundation

/// What `labbook build` (and `check`) work on.
public struct BuildOptions: Sendable {
    public var chapters: URL
    public var output: URL
    /// `.labbook-cache/` beside the chapters folder unless given.
    public var cache: URL
    public var jobs: Int
    public var edition: Edition = .instructor
    /// How paths are shown in diagnostics (`Chapters/` for the default folder).
    public var displayPrefix: String
    /// Refuse, before training, a build whose estimated training time on one core exceeds this
    /// (`--max-training-minutes`; a course never comes near the default hour).
    public var trainingBudgetMinutes: Double = 60
    /// A roster (`--roster`): one student edition per student, or the instructor's key to them.
    public var roster: URL?
    /// How diagnostics show the roster's path (as given on the command line).
    public var rosterDisplayPath: String?
    /// Trains the runs the cache lacks somewhere else (`--executor slurm`); nil trains them in
    /// this process (`--executor local`).
    public var remoteTraining: (any RemoteTraining)?
    /// Runs decoded by an earlier build of this process, reused (`serve` keeps one for its session).
    public var runMemory: RunMemory?
    /// Parts of pages computed by an earlier build of this process (each page's search entries),
    /// reused while their inputs are unchanged (`serve` keeps one for its session).
    public var pageMemory: PageMemory?
    /// Combination results analysed by an earlier build of this process (`serve`), reused.
    public var resultsMemory: ResultsMemory?
    /// Cache entries an earlier build of this process verified and that have not changed since
    /// (`serve`): not read again.
    public var checkedCacheFiles: CheckedFiles?
    /// The files the last build of this process published (`serve`): unchanged ones are
    /// recognised without reading `Output/` again.
    public var outputMemory: OutputMemory?
    /// Called once the new `Output/` is in place, before the old one is deleted and the build
    /// returns (`serve` tells open pages to reload then).
    public var published: (@Sendable () -> Void)?

    public init(chapters: URL, output: URL, cache: URL? = nil, jobs: Int? = nil, displayPrefix: String? = nil) {
        self.chapters = chapters.standardizedFileURL
        self.output = output.standardizedFileURL
        self.cache = (cache ?? self.chapters.deletingLastPathComponent().appendingPathComponent(".labbook-cache")).standardizedFileURL
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.displayPrefix = displayPrefix ?? (self.chapters.lastPathComponent + "/")
    }
}

/// What a build did, for the summary line and for tests.
public struct BuildReport: Sendable {
    public var chapters = 0
    public var experiments = 0
    public var trainedExperiments = 0
    public var cachedExperiments = 0
    public var trainedRuns = 0
    public var cachedRuns = 0
    public var renderedFigures = 0
    public var cachedFigures = 0
    /// Runs whose grids and data were evaluated for figures (at most once each per build).
    public var evaluatedRuns = 0
    public var warnings: [Diagnostic] = []
    /// Other warnings (a repaired cache, a recovered output folder), one line each.
    public var notes: [String] = []
    public var trainingSeconds = 0.0
    public var renderingSeconds = 0.0
    /// CPU seconds of the process (all threads) in training and in rendering: unlike the wall
    /// times, not inflated by other load on the machine.
    public var trainingCPUSeconds = 0.0
    public var renderingCPUSeconds = 0.0
    public var writingSeconds = 0.0
    /// Files of the output the build wrote, and files it kept from the last build because their
    /// bytes did not change (``OutputWriter``).
    /// The data files the chapters name (`dataset: data/points.csv`), for `serve` to watch.
    public var dataFiles: [URL] = []
    public var writtenFiles = 0
    public var unchangedFiles = 0
    public var totalSeconds = 0.0

    public var summaryLine: String {
        let figures = renderedFigures + cachedFigures
        return
            "Built \(chapters) chapter\(chapters == 1 ? "" : "s"), \(experiments) experiment\(experiments == 1 ? "" : "s"): trained \(trainedExperiments), cached \(cachedExperiments) (\(trainedRuns) run\(trainedRuns == 1 ? "" : "s") trained); \(figures) figures (\(renderedFigures) rendered) · training \(seconds(trainingSeconds)) (CPU \(seconds(trainingCPUSeconds))) · rendering \(seconds(renderingSeconds)) (CPU \(seconds(renderingCPUSeconds))) · writing \(seconds(writingSeconds)) (\(writtenFiles) file\(writtenFiles == 1 ? "" : "s") written, \(unchangedFiles) unchanged) · total \(seconds(totalSeconds))"
    }

    private func seconds(_ s: Double) -> String { String(format: "%.2f s", s) }
}

/// A build that stopped on errors in the chapters (or on a refusal before training);
/// `Output/` is untouched.
public struct BuildFailure: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var description: String { diagnostics.map(\.line).joined(separator: "\n") }
}
