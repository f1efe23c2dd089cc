import ChapterMarkdown
import PlaygroundTrainer

extension DirectiveAnalyzer {
    /// `playground-hide: [learningRate, regularization]` or a preset (`setup`, `data`, `text`, …):
    /// what the experiment's Playground link hides, so that a student's page shows only the
    /// controls of the lesson. Each unknown name is an error listing the valid ones.
    mutating func playgroundHiding(_ value: YAMLValue) -> PlaygroundHiding {
        var scalars: [YAMLScalar] = []
        switch value {
        case .scalar(let scalar): scalars = [scalar]
        case .sequence(let items, _):
            for item in items {
                guard let scalar = item.scalar else {
                    diagnostics.error("playground-hide: nested lists are not allowed here", at: item.location, id: .wrongType)
                    continue
                }
                scalars.append(scalar)
            }
        case .mapping:
            diagnostics.error(
                "playground-hide takes a list of control names, e.g. [learningRate, regularization]", at: value.location, id: .wrongType)
            return PlaygroundHiding()
        }
        var names: [String] = []
        for scalar in scalars {
            let name = scalar.text.trimmingCharacters(in: " \t")
            if case .failure = PlaygroundHiding.parse([name]) {
                let valid = PlaygroundHiding.validNames
                diagnostics.error(
                    "playground-hide: the Playground has no control '\(name)'", at: scalar.location,
                    hint: (suggestion(for: name, among: valid).map { "did you mean '\($0)'? " } ?? "")
                        + "valid: \(valid.joined(separator: ", "))",
                    id: .badValue, end: scalar.end)
                continue
            }
            names.append(name)
        }
        if case .success(let hiding) = PlaygroundHiding.parse(names) { return hiding }
        return PlaygroundHiding()
    }
}
