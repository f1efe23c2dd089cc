import ChapterMarkdown

extension DirectiveAnalyzer {
    /// The `snapshots` key: a list of epochs (whole numbers from 0 to the budget, and `final`)
    /// or a count of log-spaced epochs. Every bad item is reported at its own line.
    mutating func snapshots(_ value: YAMLValue, epochs budget: Int) -> SnapshotSchedule? {
        let maximum = SnapshotSchedule.maximumCount
        let example = "snapshots: [0, 10, 100, final] or snapshots: 8"
        switch value {
        case .scalar(let s):
            guard let count = s.intValue else {
                diagnostics.error(
                    "snapshots: expected a count or a list of epochs, found '\(s.text)'", at: s.location,
                    hint: "write e.g. \(example)", id: .badValue, end: s.end)
                return nil
            }
            guard (2...maximum).contains(count) else {
                diagnostics.error(
                    "snapshots: \(count) snapshots; a timeline shows 2 to \(maximum)", at: s.location,
                    hint: "write e.g. \(example)", id: .badValue, end: s.end)
                return nil
            }
            return .logSpaced(count: count)
        case .sequence(let items, let location):
            var epochs: [Int] = []
            var includesFinal = false
            var valid = true
            for item in items {
                guard let s = item.scalar else {
                    diagnostics.error("snapshots: expected an epoch, found \(item.kindDescription)", at: item.location, id: .wrongType)
                    valid = false
                    continue
                }
                if s.text.lowercased() == "final" {
                    includesFinal = true
                } else if let epoch = s.intValue, (0...budget).contains(epoch) {
                    if epochs.contains(epoch) {
                        diagnostics.error("snapshots: epoch \(epoch) is listed twice", at: s.location, id: .duplicateValue, end: s.end)
                        valid = false
                    }
                    epochs.append(epoch)
                } else {
                    diagnostics.error(
                        "snapshots: '\(s.text)' is not an epoch of this run", at: s.location,
                        hint: "epochs are whole numbers from 0 (untrained) to \(budget) (the budget), or final", id: .badValue, end: s.end)
                    valid = false
                }
            }
            let count = epochs.count + (includesFinal ? 1 : 0)
            if count == 0 || count > maximum {
                diagnostics.error(
                    "snapshots: \(count) epochs; a timeline shows 1 to \(maximum)", at: location,
                    hint: "write e.g. \(example)", id: .badValue)
                valid = false
            }
            return valid ? .epochs(epochs.sorted(), includesFinal: includesFinal) : nil
        case .mapping:
            diagnostics.error(
                "snapshots takes a list of epochs or a count", at: value.location, hint: "write e.g. \(example)", id: .wrongType)
            return nil
        }
    }
}
