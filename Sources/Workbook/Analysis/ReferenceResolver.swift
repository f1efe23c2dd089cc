import ChapterMarkdown

/// Resolves every inline value and cross-reference — in prose and inside questions — to what it
/// names, once, before anything is trained; reports those that name nothing.
struct ReferenceResolver {
    let plan: BookPlan
    /// For the student edition: the instructor edition's plan, where IDs the student edition
    /// leaves out still exist (a role naming one is a blank there, not an error).
    let fullPlan: BookPlan?
    var diagnostics = DiagnosticCollector()
    /// Set while resolving a question's answer or explanation, which the student edition leaves
    /// out: a reference there to something it also leaves out is no dangling pointer.
    var inAnswer = false

    init(plan: BookPlan, fullPlan: BookPlan? = nil) {
        self.plan = plan
        self.fullPlan = fullPlan
    }

    /// The chapters with every role resolved and every question's Markdown parsed.
    mutating func resolveAll() -> [PlannedChapter] {
        var chapters = plan.chapters
        for index in chapters.indices {
            var chapter = chapters[index]
            chapter.roles = chapter.document.inlineRoles.map { resolve($0) }
            for case .comparison(let comparison) in chapter.blocks { check(comparison) }
            for blockIndex in chapter.blocks.indices {
                guard case .question(var question) = chapter.blocks[blockIndex] else { continue }
                for field in question.spec.markdownFields {
                    inAnswer = field.part == .answer || field.part == .explanation
                    question.fields[field.part] = snippet(field.text, at: field.location, path: chapter.displayPath)
                }
                if let numeric = question.spec.numericAnswer {
                    inAnswer = true
                    question.numeric = resolveNumeric(numeric)
                }
                inAnswer = false
                chapter.blocks[blockIndex] = .question(question)
            }
            chapters[index] = chapter
        }
        return chapters
    }

    /// A comparison names existing experiments without a sweep.
    mutating func check(_ comparison: ComparisonSpec) {
        for id in comparison.experimentIDs {
            guard let (_, spec) = plan.experiments[id] else {
                if fullPlan?.experiments[id] != nil {
                    diagnostics.error(
                        "{compare} \(comparison.id): '\(id)' is instructor-only, so this edition cannot compare it",
                        at: comparison.experimentsLocation, hint: "put the comparison inside the instructor-only block too",
                        id: .withheldReference)
                    continue
                }
                report("compare", id, at: comparison.experimentsLocation, among: Array(plan.experiments.keys).sorted())
                continue
            }
            if spec.isSweep {
                diagnostics.error(
                    "{compare} \(comparison.id): '\(id)' is a sweep; compare experiments without 'vary' (a sweep compares its own combinations)",
                    at: comparison.experimentsLocation, id: .badReference)
            }
        }
    }

    /// Markdown inside a question field, parsed and resolved; roles are located in the chapter:
    /// a one-line value from its own column, a block (`|`) value from the lines under its key.
    mutating func snippet(_ text: String, at field: SourceLocation, path: String) -> PlannedSnippet {
        let (document, parsed) = ChapterSource.parse(
            text: text, path: path, directiveNames: [], roleNames: BookLoader.roleNames)
        let isBlock = text.contains("\n")
        func place(_ location: SourceLocation) -> SourceLocation {
            isBlock
                ? SourceLocation(file: path, line: field.line + location.line, column: location.column)
                : SourceLocation(file: path, line: field.line, column: field.column + location.column - 1)
        }
        for diagnostic in parsed where diagnostic.severity == .error {
            var moved = diagnostic
            moved.location = diagnostic.location.map(place)
            moved.end = diagnostic.end.map(place)
            diagnostics.append(moved)
        }
        let roles = document.inlineRoles.map { role -> ResolvedRole in
            var located = role
            located.location = place(role.location)
            return resolve(located)
        }
        return PlannedSnippet(document: document, roles: roles)
    }

    mutating func resolve(_ role: InlineRole) -> ResolvedRole {
        switch role.name {
        case "value", "number":
            return resolveValue(role).map(ResolvedRole.value) ?? .unresolved(role.content)
        case "check":
            return resolveClaim(role).map(ResolvedRole.claim) ?? .unresolved("")
        case "ref":
            let target = role.content.trimmingCharacters(in: " ")
            if let place = figure(named: target) { return .figure(place) }
            if let (chapter, spec) = plan.experiments[target] { return .experiment(chapterIndex: chapter, id: spec.id) }
            if let block = Self.block(named: target, in: plan) {
                // A worksheet's result figure, which this edition leaves out: lead to the worksheet,
                // and tell the author that the sentence points at something the student lacks.
                if !inAnswer {
                    diagnostics.warning(
                        "{ref} '\(target)' names a result figure the student edition leaves out (its experiment is a worksheet); there the reference leads to the worksheet",
                        at: role.location,
                        hint: "refer to the worksheet ('\(Self.id(of: target))') or put the sentence in an instructor-only block",
                        id: .missingInEdition)
                }
                return .experiment(chapterIndex: block.chapterIndex, id: Self.id(of: target))
            }
            if let fullPlan, Self.block(named: target, in: fullPlan) != nil {
                if !inAnswer {
                    diagnostics.warning(
                        "{ref} '\(target)' names instructor-only content, so the student edition prints a blank here",
                        at: role.location, hint: "put the sentence in the instructor-only block too", id: .missingInEdition)
                }
                return .withheld
            }
            let allIDs = Set(plan.figures.keys).union(plan.experiments.keys)
            report("ref", target, at: role.location, among: allIDs.sorted())
            return .unresolved(target)
        default:
            return .unresolved(role.content)
        }
    }

    /// The directive `ID` or `ID.kind` names, when it exists and draws that kind of figure.
    static func block(named target: String, in plan: BookPlan) -> BookPlan.BlockEntry? {
        let id = id(of: target)
        guard let block = plan.blocks[id] else { return nil }
        if id == target { return block }
        let kind = target.dropFirst(id.count + 1)
        return block.kinds.contains { $0.rawValue == kind } ? block : nil
    }

    static func id(of target: String) -> String { String(target.prefix { $0 != "." }) }

    /// `ID` (its first figure) or `ID.kind` (that figure).
    func figure(named target: String) -> FigurePlace? {
        if let figures = plan.figures[target], let first = figures.first { return first.place }
        if let dot = target.lastIndex(of: ".") {
            let id = String(target[..<dot])
            let kind = String(target[target.index(after: dot)...])
            return plan.figures[id]?.first { $0.kind.rawValue == kind }?.place
        }
        return nil
    }

    mutating func resolveValue(_ role: InlineRole) -> ResolvedValue? {
        let reference: ValueReference
        do {
            reference = try ValueReference(parsing: role.content)
        } catch {
            switch error {
            case .unknownMetric(let name):
                let valid = ValueMetric.allCases.map(\.rawValue)
                diagnostics.error(
                    "unknown value '\(name)' in {\(role.name)}`\(role.content)`", at: role.location,
                    hint: suggestion(for: name, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))", id: .unknownMetric)
            case .unknownKey(let key):
                let valid = SettingKey.allCases.map(\.rawValue)
                diagnostics.error(
                    "unknown setting '\(key)' in {\(role.name)}`\(role.content)`", at: role.location,
                    hint: suggestion(for: key, among: valid).map { "did you mean '\($0)'?" }
                        ?? "valid: \(valid.joined(separator: ", "))", id: .unknownKey)
            case .malformed:
                diagnostics.error(
                    "cannot read {\(role.name)}`\(role.content)`; write \(ValueReference.syntax)", at: role.location, id: .badReference)
            }
            return nil
        }
        let written = "{\(role.name)}`\(role.content)`"
        let withheld = plan.experiments[reference.experimentID] == nil
        guard let (_, spec) = plan.experiments[reference.experimentID] ?? fullPlan?.experiments[reference.experimentID] else {
            report(role.name, reference.experimentID, at: role.location, among: Array(plan.experiments.keys).sorted())
            return nil
        }
        if reference.metric.comparesCombinations && !spec.isSweep {
            diagnostics.error(
                "\(written): '\(reference.metric.rawValue)' compares the combinations of a sweep, but '\(spec.id)' has no 'vary'",
                at: role.location, id: .badReference)
            return nil
        }
        var selectors: [SettingValue] = []
        var runSeed: String? = nil
        let seedIsVaried = spec.sweep.contains { $0.key == .seed }
        for selector in reference.selectors where selector.key == .seed && !seedIsVaried {
            guard spec.combinations[0].settings.seeds.contains(selector.value) else {
                diagnostics.error(
                    "\(written): '\(spec.id)' has no seed \(selector.value)", at: role.location,
                    notes: ["seeds: \(spec.combinations[0].settings.seeds.joined(separator: ", "))"], id: .badReference)
                return nil
            }
            runSeed = selector.value
        }
        if let reset = reference.reset, reset > spec.base.resetCount {
            diagnostics.error(
                "\(written): '\(spec.id)' has \(spec.base.resetCount) reset\(spec.base.resetCount == 1 ? "" : "s") per seed; valid: reset=0 (the fresh page) to reset=\(spec.base.resetCount)",
                at: role.location, id: .badReference)
            return nil
        }
        for selector in reference.selectors where !(selector.key == .seed && !seedIsVaried) {
            do {
                selectors.append(try SettingRules.parse(selector.key, selector.value))
            } catch {
                diagnostics.error("\(written): \(error.key.rawValue): \(error.reason)", at: role.location, id: .badReference)
                return nil
            }
        }
        let matching = spec.combinations.indices.filter { spec.combinations[$0].matches(selectors) }
        if matching.isEmpty {
            let options = spec.combinations.map(\.label).joined(separator: "; ")
            diagnostics.error(
                "\(written): no combination of '\(spec.id)' has \(selectors.map { "\($0.key.rawValue)=\($0.text)" }.joined(separator: ", "))",
                at: role.location, notes: spec.isSweep ? ["combinations: \(options)"] : ["'\(spec.id)' has no 'vary'"],
                id: .badReference)
            return nil
        }
        let perCombination = !reference.metric.comparesCombinations && ![.budget, .seeds, .resets, .runs].contains(reference.metric)
        if perCombination && matching.count > 1 {
            let example =
                "\(spec.id)[\(spec.sweep.map { "\($0.key.rawValue)=\($0.values[0].text)" }.joined(separator: ", "))].\(reference.metric.rawValue)"
            diagnostics.error(
                "\(written): '\(spec.id)' is a sweep; name one value for each of: \(spec.sweep.map(\.key.rawValue).joined(separator: ", "))",
                at: role.location, hint: "e.g. \(example)", id: .badReference)
            return nil
        }
        if reference.metric.needsStopRule && spec.base.configuration.stopRule == nil {
            diagnostics.error(
                "\(written): '\(spec.id)' has no stop rule; add e.g. until: test-loss <= 0.02", at: role.location, id: .badReference)
            return nil
        }
        if reference.metric.isAccuracy && spec.base.configuration.isRegression {
            diagnostics.error("\(written): accuracy is not defined for regression", at: role.location, id: .badReference)
            return nil
        }
        if (runSeed != nil || reference.reset != nil) && reference.metric.comparesCombinations {
            diagnostics.error(
                "\(written): seed= and reset= pick runs; '\(reference.metric.rawValue)' compares combinations", at: role.location,
                id: .badReference)
            return nil
        }
        var node: String? = nil
        if reference.metric == .weight || reference.metric == .bias {
            let c = spec.combinations[matching[0]].settings.configuration
            let wanted = reference.metric == .weight ? ["from", "to"] : ["node"]
            let valid = NodeName.all(c).joined(separator: ", ")
            var names: [String] = []
            for key in wanted {
                guard let text = reference.nodes[key], let name = NodeName.canonical(text, configuration: c) else {
                    diagnostics.error(
                        "\(written): name the \(reference.metric.rawValue) with \(wanted.map { "\($0)=" }.joined(separator: " and ")), e.g. \(spec.id)[\(reference.metric == .weight ? "from=\(c.features[0].name), to=output" : "node=output")].\(reference.metric.rawValue)",
                        at: role.location, notes: ["nodes: \(valid) (hidden neurons are layer.position from the top)"], id: .badReference)
                    return nil
                }
                names.append(name)
            }
            node = names.count == 2 ? NodeName.link(names[0], names[1]) : names[0]
            if reference.metric == .weight, !NodeName.linkExists(node!, configuration: c) {
                diagnostics.error(
                    "\(written): there is no link \(node!) (links join neighbouring layers)", at: role.location, id: .badReference)
                return nil
            }
        } else if !reference.nodes.isEmpty {
            diagnostics.error(
                "\(written): from=, to= and node= name a weight or bias; use .weight or .bias", at: role.location, id: .badReference)
            return nil
        }
        var value = ResolvedValue(
            experimentID: spec.id, combinations: matching, metric: reference.metric, plain: role.name == "number",
            runSeed: runSeed, runReset: reference.reset, node: node)
        if withheld || (plan.isWorksheet(spec.id) && ValueBlank.isResult(reference.metric)) {
            value.blank = ValueBlank.text(reference.metric, plain: value.plain, seedCount: spec.seedCount)
        }
        return value
    }

    mutating func report(_ role: String, _ name: String, at location: SourceLocation, among ids: [String]) {
        // A directive with that ID exists but has errors of its own, already reported.
        if plan.invalidIDs.contains(name) || fullPlan?.invalidIDs.contains(name) == true { return }
        diagnostics.error(
            "{\(role)} names '\(name)', but no experiment or figure has that ID", at: location,
            hint: suggestion(for: name, among: ids).map { "did you mean '\($0)'?" }, id: .unknownReference)
    }

    /// A `{check}` role: its comparisons parsed and each reference resolved as `{number}` would
    /// resolve it (so `labbook check` validates claims without runs).
    mutating func resolveClaim(_ role: InlineRole) -> ResolvedClaim? {
        let text = role.content.trimmingCharacters(in: " ")
        guard let groups = ClaimSyntax.parse(text) else {
            diagnostics.error(
                "cannot read {check}`\(role.content)` as a claim", at: role.location,
                hint: "write \(ResolvedClaim.syntax)", id: .badReference)
            return nil
        }
        var failed = false
        var alternatives: [[ResolvedClaim.Comparison]] = []
        for group in groups {
            var conjunction: [ResolvedClaim.Comparison] = []
            for comparison in group {
                let left = term(comparison.left, role: role)
                let right = term(comparison.right, role: role)
                guard let left, let right else {
                    failed = true
                    continue
                }
                if let problem = Self.problem(left, comparison.op, right) {
                    diagnostics.error(
                        "{check}`\(role.content)`: \(problem)", at: role.location, hint: "write \(ResolvedClaim.syntax)",
                        id: .badReference)
                    failed = true
                    continue
                }
                conjunction.append(ResolvedClaim.Comparison(left: left, op: comparison.op, right: right))
            }
            alternatives.append(conjunction)
        }
        return failed ? nil : ResolvedClaim(text: text, location: role.location, alternatives: alternatives)
    }

    /// One side of a comparison: a number, a value reference, or a word (a sweep's winner).
    private mutating func term(_ text: String, role: InlineRole) -> ResolvedClaim.Term? {
        if let number = ClaimSyntax.number(text) { return .number(number, written: text) }
        if ClaimSyntax.isWord(text) { return .word(text) }
        var located = role
        located.content = text
        guard var value = resolveValue(located) else { return nil }
        value.plain = true
        value.blank = nil  // a claim is evaluated in every edition and prints nothing
        return .value(value, written: text)
    }

    /// Why two sides cannot be compared, or nil.
    static func problem(_ left: ResolvedClaim.Term, _ op: ResolvedClaim.Operator, _ right: ResolvedClaim.Term) -> String? {
        func isSetting(_ term: ResolvedClaim.Term) -> Bool {
            if case .value(let value, _) = term { return [.best, .bestByLoss, .bestByAccuracy].contains(value.metric) }
            return false
        }
        func isWord(_ term: ResolvedClaim.Term) -> Bool {
            if case .word = term { return true }
            return false
        }
        if case .word(let word) = left, case .word = right {
            return "'\(word)' is neither a value reference nor a number"
        }
        for (term, other) in [(left, right), (right, left)] {
            if case .word(let word) = term, !isSetting(other) {
                return
                    "'\(word)' is neither a value reference (ID.METRIC) nor a number; a word compares only with best, best-by-loss or best-by-accuracy"
            }
        }
        if (isSetting(left) || isSetting(right) || isWord(left) || isWord(right)) && op != .equal {
            return "a sweep's winning setting compares only with '='"
        }
        return nil
    }
}
