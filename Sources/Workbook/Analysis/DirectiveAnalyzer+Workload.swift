import ChapterMarkdown

/// Counts that multiply, multiplied before anything is built.
///
/// A sweep's combinations were limited (64), but combinations × seeds × resets was not: 64 ×
/// 100 × 101 = 646,400 runs passed `check` after 26 s and 549 MB (every run's key was built)
/// and `build` refused only after 75 s. And a timeline draws one row per combination: 64 rows
/// of 12 snapshots made a figure Cairo could not allocate, with no file:line. Both are now
/// errors at the directive, found in `check` as in `build`, from the counts alone.
extension DirectiveAnalyzer {
    /// At most this many runs in one experiment: combinations × seeds × (resets + 1).
    static let maximumRuns = 10_000
    /// At most this many combinations in a figure of training over time (one row each).
    static let maximumTimelineRows = 16

    /// Whether the experiment's counts are within the limits; reports each one that is not.
    mutating func workloadIsBounded(
        _ spec: ExperimentSpec, settings: ExperimentSettings, directive: Directive, sweepAt sweepLocation: SourceLocation?
    ) -> Bool {
        let counts = spec.sweep.map { Double(max($0.values.count, 1)) }
        let combinations = counts.reduce(1, *)
        // A varied `resets` changes the runs per combination; sum over its values.
        var runsPerSeed = Double(settings.resetCount + 1) * combinations
        if let index = spec.sweep.firstIndex(where: { $0.key == .resets }) {
            let others = combinations / counts[index]
            runsPerSeed = spec.sweep[index].values.reduce(0.0) { sum, value in
                sum + Double((value.value(as: Int.self) ?? 0) + 1) * others
            }
        }
        let runs = runsPerSeed * Double(settings.seedCount)
        var bounded = true
        if runs > Double(Self.maximumRuns) {
            let resets =
                spec.sweep.contains { $0.key == .resets }
                ? "the varied resets"
                : "\(settings.resetCount + 1) run\(settings.resetCount == 0 ? "" : "s") per seed (resets: \(settings.resetCount))"
            diagnostics.error(
                "experiment '\(spec.id)' makes \(Int(runs)) runs (\(Int(combinations)) combination\(combinations == 1 ? "" : "s") × \(settings.seedCount) seed\(settings.seedCount == 1 ? "" : "s") × \(resets)); at most \(Self.maximumRuns) are allowed",
                at: directive.location, hint: "use fewer seeds, resets or combinations, or split the experiment", id: .tooMuchWork)
            bounded = false
        }
        let overTime = spec.figures.filter { [.boundaryTimeline, .networkTimeline, .weights].contains($0) }
        if combinations > Double(Self.maximumTimelineRows), let kind = overTime.first {
            diagnostics.error(
                "show: \(kind.rawValue) draws one row per combination; this sweep has \(Int(combinations)), at most \(Self.maximumTimelineRows) fit in one figure",
                at: directive.body.entry("show")?.value.location ?? sweepLocation ?? directive.location,
                hint: "show the timeline in an experiment that varies fewer settings, or leave it out of this one", id: .tooMuchWork)
            bounded = false
        }
        return bounded
    }
}
