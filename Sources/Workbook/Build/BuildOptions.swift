import Foundation

/// Which answers a build contains.
public enum Edition: String, CaseIterable, Sendable {
    /// Everything, answers included, and an answer key at the end (the default).
    case instructor
    /// No answers, explanations or instructor-only blocks: absent from the HTML, not hidden.
    case student
}

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
    public var bookTitle: String = "Neural networks in the Playground"

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
    public var warnings: [String] = []
    public var trainingSeconds = 0.0
    public var renderingSeconds = 0.0
    public var writingSeconds = 0.0
    public var totalSeconds = 0.0

    public var summaryLine: String {
        let figures = renderedFigures + cachedFigures
        return "Built \(chapters) chapter\(chapters == 1 ? "" : "s"), \(experiments) experiment\(experiments == 1 ? "" : "s"): trained \(trainedExperiments), cached \(cachedExperiments) (\(trainedRuns) run\(trainedRuns == 1 ? "" : "s") trained); \(figures) figures (\(renderedFigures) rendered) · training \(seconds(trainingSeconds)) · rendering \(seconds(renderingSeconds)) · writing \(seconds(writingSeconds)) · total \(seconds(totalSeconds))"
    }

    private func seconds(_ s: Double) -> String { String(format: "%.2f s", s) }
}

/// A build that stopped on errors in the chapters; `Output/` is untouched.
public struct BuildFailure: Error, CustomStringConvertible {
    public var diagnostics: [String]
    public var description: String { diagnostics.joined(separator: "\n") }
}
