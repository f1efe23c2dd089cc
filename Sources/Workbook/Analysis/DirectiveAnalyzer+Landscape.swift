import ChapterMarkdown

extension DirectiveAnalyzer {
    /// `landscape-grid: 31` (an odd whole number of cells per side, 5 to 101, so that the final
    /// weights are the centre cell), `landscape-range: 1.0` (a number from 0.01 to 10: how
    /// far α and β go, in units of each neuron's own size) and `landscape-directions: random`
    /// (or `initial`: α toward the initial weights); all belong to `show: [landscape]`.
    mutating func landscape(_ entries: [YAMLMapping.Entry], spec: inout ExperimentSpec) {
        for entry in entries {
            guard spec.figures.contains(.landscape) else {
                diagnostics.error(
                    "\(entry.key) belongs to the landscape figure, which this experiment does not show", at: entry.keyLocation,
                    hint: "add landscape to show, e.g. show: [loss, landscape]", id: .figureNotShown, end: entry.keyEnd)
                continue
            }
            let text = entry.value.scalar?.text.trimmingCharacters(in: " ") ?? ""
            if entry.key == "landscape-grid" {
                guard let grid = Int(text), LandscapeSpec.grids.contains(grid), grid % 2 == 1 else {
                    diagnostics.error(
                        "landscape-grid is the number of cells per side: an odd whole number from \(LandscapeSpec.grids.lowerBound) to \(LandscapeSpec.grids.upperBound)",
                        at: entry.value.location, hint: "e.g. landscape-grid: 31", id: .badValue, end: entry.value.end)
                    continue
                }
                spec.landscape.grid = grid
            } else if entry.key == "landscape-directions" {
                guard let directions = LandscapeSpec.Directions(rawValue: text) else {
                    let valid = LandscapeSpec.Directions.allCases.map(\.rawValue).joined(separator: ", ")
                    diagnostics.error(
                        "landscape-directions is how the slice through the final weights is laid: '\(text)' is not one of them",
                        at: entry.value.location, hint: "valid: \(valid), e.g. landscape-directions: initial", id: .badValue,
                        end: entry.value.end)
                    continue
                }
                spec.landscape.directions = directions
            } else {
                guard let range = Double(text), range.isFinite, LandscapeSpec.ranges.contains(range) else {
                    diagnostics.error(
                        "landscape-range is how far the slice reaches in each direction: a number from 0.01 to 10",
                        at: entry.value.location, hint: "e.g. landscape-range: 1.0", id: .badValue, end: entry.value.end)
                    continue
                }
                spec.landscape.writtenRange = range
            }
        }
    }
}
