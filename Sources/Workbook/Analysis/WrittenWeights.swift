import ChapterMarkdown
import PlaygroundTrainer

/// What `weights:` or `biases:` says: a list of numbers in the downloads' order, or (for
/// `weights:` only) values by name. `none` sets nothing, so a key can be written and cleared.
struct WrittenWeights: Hashable, Sendable {
    var list: [Double]?
    var named: [NamedParameter] = []

    /// The `weights:` part of hand-set weights (its list or its names), nil when it has neither.
    init?(weightsOf handSet: HandSetWeights) {
        guard handSet.weightList != nil || !handSet.named.isEmpty else { return nil }
        list = handSet.weightList
        named = handSet.named
    }

    init(list: [Double]?, named: [NamedParameter] = []) {
        self.list = list
        self.named = named
    }

    /// `0.5, -0.2` or `x1 -> 1.1: 0.5, bias 1.1: 0.1` (`none` when empty): parsing it gives
    /// the same value back.
    var text: String {
        if let list { return list.map(javaScriptNumberString).joined(separator: ", ") }
        if named.isEmpty { return "none" }
        return named.map { "\($0.name): \(javaScriptNumberString($0.value))" }.joined(separator: ", ")
    }

    /// Reads a comma list: all numbers (a list), or all `NAME: NUMBER` when `names` allows.
    /// Names are checked against the network later, when its shape is known
    /// (`TrainingConfiguration.validate()`): a sweep or a later key may still change it.
    static func parse(_ r: SettingReader, names: Bool) throws(SettingError) -> WrittenWeights {
        if ["none", ""].contains(r.value.lowercased()) { return WrittenWeights(list: nil) }
        let parts = splitList(r.value)
        let numbers = parts.compactMap { Double($0) }
        if numbers.count == parts.count {
            guard numbers.allSatisfy(\.isFinite) else { throw r.fail("every value must be a finite number") }
            return WrittenWeights(list: numbers)
        }
        guard names else {
            let bad = parts.first { Double($0) == nil } ?? r.value
            throw r.fail("'\(bad)' is not a number; biases are a list of numbers (one bias by name goes under weights: as bias 1.1: 0.1)")
        }
        var named: [NamedParameter] = []
        for part in parts {
            guard let colon = part.lastIndex(of: ":"),
                let value = Double(part[part.index(after: colon)...].trimmingCharacters(in: " \t")), value.isFinite
            else {
                throw r.fail(
                    "'\(part)' is neither a number nor NAME: NUMBER (e.g. x1 -> 1.1: 0.5 or bias 1.1: 0.1); a list is all numbers or all names"
                )
            }
            named.append(NamedParameter(name: NamedParameter.canonicalName(String(part[..<colon])), value: value))
        }
        return WrittenWeights(list: nil, named: named)
    }
}

extension ConfigurationProblem {
    /// The identifier a chapter's diagnostic carries for this problem.
    var diagnosticID: DiagnosticID {
        switch kind {
        case .setting: .settingsConflict
        case .parameterCount: .weightCount
        case .unknownParameter: .unknownWeightName
        }
    }
}
