import ChapterMarkdown

extension DirectiveAnalyzer {
    /// What `runs-of` may name: the per-run figures that read at a small size.
    static let runsOfKinds: [FigureKind] = [.boundary, .loss, .network]

    /// `runs-of: [boundary, loss]`: what the `runs` figure draws of every run, in order.
    mutating func runsOf(_ entry: YAMLMapping.Entry, spec: inout ExperimentSpec) {
        guard spec.figures.contains(.runs) else {
            diagnostics.error(
                "runs-of belongs to the runs figure, which this experiment does not show", at: entry.keyLocation,
                hint: "add runs to show, e.g. show: [runs, table]", id: .figureNotShown, end: entry.keyEnd)
            return
        }
        let valid = Self.runsOfKinds.map(\.rawValue)
        var items: [YAMLScalar] = []
        switch entry.value {
        case .scalar(let s):
            items = s.text.split(separator: ",").map { YAMLScalar(text: $0.trimmingCharacters(in: " []"), location: s.location) }
        case .sequence(let values, _):
            for value in values {
                if let s = value.scalar {
                    items.append(s)
                } else {
                    diagnostics.error("runs-of: expected a figure name, found \(value.kindDescription)", at: value.location, id: .wrongType)
                }
            }
        case .mapping:
            diagnostics.error("runs-of takes a list such as [boundary, loss]", at: entry.value.location, id: .wrongType)
            return
        }
        var kinds: [FigureKind] = []
        for item in items where !item.text.isEmpty {
            guard let kind = FigureKind(rawValue: item.text.lowercased()), Self.runsOfKinds.contains(kind) else {
                diagnostics.error(
                    "runs-of: '\(item.text)' cannot be drawn per run", at: item.location,
                    hint: suggestion(for: item.text, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))",
                    id: .unknownFigure, end: item.end)
                continue
            }
            if kinds.contains(kind) {
                diagnostics.error("runs-of lists \(kind.rawValue) twice", at: item.location, id: .duplicateValue, end: item.end)
            } else {
                kinds.append(kind)
            }
        }
        if !kinds.isEmpty { spec.runsOf = kinds }
    }
}
