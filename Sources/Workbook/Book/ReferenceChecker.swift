import ChapterMarkdown

/// Checks that every inline value and cross-reference names something that exists, before
/// anything is trained.
struct ReferenceChecker {
    let plan: BookPlan
    var diagnostics = DiagnosticCollector()

    init(plan: BookPlan) {
        self.plan = plan
    }

    mutating func check() {
        for chapter in plan.chapters {
            for role in chapter.document.inlineRoles { check(role) }
            for case .question(let question) in chapter.blocks {
                for field in question.markdownFields {
                    checkSnippet(field.text, at: field.location, path: chapter.displayPath)
                }
            }
        }
    }

    /// Roles inside a question's Markdown fields, located in the chapter: a one-line value
    /// from its own column, a block (`|`) value from the lines under its key.
    mutating func checkSnippet(_ text: String, at field: SourceLocation, path: String) {
        let (document, parsed) = ChapterSource.parse(text: text, path: path, directiveNames: [])
        let isBlock = text.contains("\n")
        func place(_ location: SourceLocation) -> SourceLocation {
            isBlock
                ? SourceLocation(file: path, line: field.line + location.line, column: location.column)
                : SourceLocation(file: path, line: field.line, column: field.column + location.column - 1)
        }
        for diagnostic in parsed where diagnostic.severity == .error {
            var moved = diagnostic
            moved.location = diagnostic.location.map(place)
            diagnostics.append(moved)
        }
        for var role in document.inlineRoles {
            role.location = place(role.location)
            check(role)
        }
    }

    mutating func check(_ role: InlineRole) {
        switch role.name {
        case "value": checkValue(role, allIDs: Array(plan.experiments.keys).sorted())
        case "ref":
            let target = role.content.trimmingCharacters(in: " ")
            if resolveFigure(target) == nil && plan.experiments[target] == nil {
                let allIDs = Set(plan.figures.keys).union(plan.experiments.keys)
                report("ref", target, at: role.location, among: allIDs.sorted())
            }
        default: break
        }
    }

    /// `ID` (first figure) or `ID.kind` (that figure).
    func resolveFigure(_ target: String) -> FigurePlace? {
        if let figures = plan.figures[target], let first = figures.first { return first.place }
        if let dot = target.lastIndex(of: ".") {
            let id = String(target[..<dot])
            let kind = String(target[target.index(after: dot)...])
            return plan.figures[id]?.first { $0.kind == kind }?.place
        }
        return nil
    }

    mutating func checkValue(_ role: InlineRole, allIDs: [String]) {
        let reference: ValueReference
        do {
            reference = try ValueReference(parsing: role.content)
        } catch {
            switch error {
            case .unknownMetric(let name):
                let valid = ValueMetric.allCases.map(\.rawValue)
                diagnostics.error(
                    "unknown value '\(name)' in {value}`\(role.content)`", at: role.location,
                    hint: suggestion(for: name, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))")
            case .unknownKey(let key):
                let valid = SettingKey.allCases.map(\.rawValue)
                diagnostics.error(
                    "unknown setting '\(key)' in {value}`\(role.content)`", at: role.location,
                    hint: suggestion(for: key, among: valid).map { "did you mean '\($0)'?" })
            case .malformed:
                diagnostics.error(
                    "cannot read {value}`\(role.content)`; write \(ValueReference.syntax)", at: role.location)
            }
            return
        }
        guard let (_, spec) = plan.experiments[reference.experimentID] else {
            report("value", reference.experimentID, at: role.location, among: allIDs)
            return
        }
        if reference.metric.needsSweep && !spec.isSweep {
            diagnostics.error(
                "{value}`\(role.content)`: '\(reference.metric.rawValue)' compares the combinations of a sweep, but '\(spec.id)' has no 'vary'",
                at: role.location)
            return
        }
        if reference.selectors.isEmpty && spec.isSweep && !reference.metric.needsSweep && reference.metric != .budget && reference.metric != .seeds {
            diagnostics.error(
                "{value}`\(role.content)`: '\(spec.id)' is a sweep; name the combination, e.g. \(spec.id)[\(spec.sweep.map { "\($0.key.rawValue)=\($0.values[0])" }.joined(separator: ","))].\(reference.metric.rawValue)",
                at: role.location)
            return
        }
        if !reference.selectors.isEmpty {
            let selectors = reference.selectors.map { ($0.key, $0.value) }
            let matching = spec.combinations.filter { $0.matches(selectors) }
            if matching.isEmpty {
                let options = spec.combinations.map(\.label).joined(separator: "; ")
                diagnostics.error(
                    "{value}`\(role.content)`: no combination of '\(spec.id)' has \(reference.selectors.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ", ")); combinations: \(options)",
                    at: role.location)
            } else if matching.count > 1 && !reference.metric.needsSweep {
                diagnostics.error(
                    "{value}`\(role.content)` matches \(matching.count) combinations of '\(spec.id)'; name one value for each of: \(spec.sweep.map(\.key.rawValue).joined(separator: ", "))",
                    at: role.location)
            }
        }
        let needsRule = [ValueMetric.epochs, .epochsRange, .reached, .best].contains(reference.metric)
        if needsRule && spec.base.configuration.stopRule == nil {
            diagnostics.error(
                "{value}`\(role.content)`: '\(spec.id)' has no stop rule; add e.g. until: test-loss <= 0.02",
                at: role.location)
        }
        let accuracy = [ValueMetric.testAccuracy, .trainAccuracy, .bestAccuracy].contains(reference.metric)
        if accuracy && spec.base.configuration.isRegression {
            diagnostics.error("{value}`\(role.content)`: accuracy is not defined for regression", at: role.location)
        }
    }

    mutating func report(_ role: String, _ name: String, at location: SourceLocation, among ids: [String]) {
        diagnostics.error(
            "{\(role)} names '\(name)', but no experiment or figure has that ID", at: location,
            hint: suggestion(for: name, among: ids).map { "did you mean '\($0)'?" })
    }
}
