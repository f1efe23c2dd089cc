import ChapterMarkdown

extension DirectiveAnalyzer {
    /// `neurons: [1.1, 1.2]`: two neurons of one hidden layer, present in every combination.
    /// Without the key: the first two neurons of the last hidden layer that has two (the layer
    /// the output reads, when it is that one). With `snapshots:` written (read before this),
    /// the figure is drawn over time.
    mutating func hiddenSpace(_ entry: YAMLMapping.Entry?, spec: inout ExperimentSpec, at showLocation: SourceLocation) {
        guard spec.figures.contains(.hiddenSpace) else {
            if let entry {
                diagnostics.error(
                    "neurons belongs to the hidden-space figure, which this experiment does not show", at: entry.keyLocation,
                    hint: "add hidden-space to show, e.g. show: [boundary, hidden-space]", id: .figureNotShown, end: entry.keyEnd)
            }
            return
        }
        let configurations = spec.combinations.map(\.settings.configuration)
        let hidden = configurations.map(\.hidden)
        guard let entry else {
            let shared = hidden.map(\.count).min() ?? 0
            guard let layer = (0..<shared).last(where: { l in hidden.allSatisfy { $0[l] >= 2 } }) else {
                diagnostics.error(
                    "show: hidden-space needs two neurons of one hidden layer, and no hidden layer here has two", at: showLocation,
                    hint: "use e.g. hidden: [2], and neurons: [1.1, 1.2]", id: .settingsConflict)
                return
            }
            spec.hiddenSpace = HiddenSpaceSpec(layer: layer + 1, first: 0, second: 1, overTime: spec.snapshots != nil)
            return
        }
        let names = (entry.value.sequence ?? []).compactMap { $0.scalar?.text.trimmingCharacters(in: " ") }
        let parsed = names.map { name -> (Int, Int)? in
            let parts = name.split(separator: ".")
            guard parts.count == 2, let l = Int(parts[0]), let i = Int(parts[1]), l >= 1, i >= 1 else { return nil }
            return (l, i - 1)
        }
        let valid =
            hidden.first.map { layers in
                layers.enumerated().flatMap { l, size in (0..<size).map { "\(l + 1).\($0 + 1)" } }.joined(separator: ", ")
            } ?? ""
        guard parsed.count == 2, let a = parsed[0], let b = parsed[1], a.0 == b.0, a.1 != b.1,
            hidden.allSatisfy({ a.0 <= $0.count && max(a.1, b.1) < $0[a.0 - 1] })
        else {
            diagnostics.error(
                "neurons takes two different hidden neurons of one layer, e.g. [1.1, 1.2]", at: entry.value.location,
                hint: "valid: \(valid)", id: .badValue, end: entry.value.end)
            return
        }
        spec.hiddenSpace = HiddenSpaceSpec(layer: a.0, first: a.1, second: b.1, overTime: spec.snapshots != nil)
    }
}
