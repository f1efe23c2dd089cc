import ChapterMarkdown

/// Which experiments and comparisons are worksheets in the student edition.
///
/// The rule, in order:
/// 1. `student: worksheet` or `student: results` written in the block decides;
/// 2. else the book's `defaults: student:` (in `labbook.yml`) decides, as if written in it;
/// 3. else a block is a worksheet when a `{question}` refers to it (an inline value or `{ref}`
///    in its prompt, choices, answer or explanation) or when it sits in the same section (under
///    the same `##` heading) as a question.
/// Worksheets spread over comparisons, because a comparison's table shows its experiments'
/// numbers: a comparison is a worksheet when one of its experiments is, and an experiment
/// without a decision of its own is one when a worksheet comparison compares it.
enum WorksheetRule {
    static func worksheets(in chapters: [PlannedChapter]) -> Set<String> {
        let referenced = Set(chapters.flatMap(questionTargets))
        var decided: [String: StudentRole] = [:]
        var byRule = Set<String>()
        var comparisons: [ComparisonSpec] = []
        for chapter in chapters {
            let sections = sectionOfEachDirective(chapter)
            var questionSections = Set<Int>()
            for (index, block) in chapter.blocks.enumerated() {
                if case .question = block { questionSections.insert(sections[index]) }
            }
            for (index, block) in chapter.blocks.enumerated() {
                let id: String
                let written: StudentRole?
                switch block {
                case .experiment(let spec): (id, written) = (spec.id, spec.student)
                case .comparison(let spec):
                    (id, written) = (spec.id, spec.student)
                    comparisons.append(spec)
                default: continue
                }
                if let written { decided[id] = written; continue }
                if referenced.contains(id) || questionSections.contains(sections[index]) { byRule.insert(id) }
            }
        }
        var result = Set(decided.filter { $0.value == .worksheet }.keys).union(byRule)
        // Spread over comparisons until nothing changes (a handful of blocks; two rounds at most).
        var changed = true
        while changed {
            changed = false
            for comparison in comparisons {
                let isWorksheet = result.contains(comparison.id)
                if !isWorksheet, decided[comparison.id] == nil, comparison.experimentIDs.contains(where: result.contains) {
                    result.insert(comparison.id)
                    changed = true
                }
                if result.contains(comparison.id) {
                    for id in comparison.experimentIDs where decided[id] == nil && !result.contains(id) {
                        result.insert(id)
                        changed = true
                    }
                }
            }
        }
        return result
    }

    /// For each directive of the chapter, the index of the `#`/`##` heading above it (-1 before any).
    static func sectionOfEachDirective(_ chapter: PlannedChapter) -> [Int] {
        let sectionHeadings = chapter.document.headings.enumerated().filter { $0.element.level <= 2 }
        return chapter.document.directives.map { directive in
            sectionHeadings.last { $0.element.location.line < directive.location.line }?.offset ?? -1
        }
    }

    /// The IDs that the chapter's questions name in their inline values and references.
    static func questionTargets(_ chapter: PlannedChapter) -> [String] {
        var ids: [String] = []
        for case .question(let question) in chapter.blocks {
            for field in question.spec.markdownFields {
                let (document, _) = ChapterSource.parse(
                    text: field.text, path: chapter.displayPath, directiveNames: [], roleNames: BookLoader.roleNames)
                // A claim prints nothing, so it makes nothing a worksheet.
                ids += document.inlineRoles.filter { $0.name != "check" }.map { targetID(of: $0) }
            }
            // A numeric answer asks for a value of the runs, as an inline value in it would.
            if let numeric = question.spec.numericAnswer, let reference = try? ValueReference(parsing: numeric.reference) {
                ids.append(reference.experimentID)
            }
        }
        return ids
    }

    /// `q1a` from `q1a.epochs`, `q3[activation=relu].epochs`, `q1c` or `q1c.loss`.
    static func targetID(of role: InlineRole) -> String {
        if role.name != "ref", let reference = try? ValueReference(parsing: role.content) {
            return reference.experimentID
        }
        let text = role.content.trimmingCharacters(in: " ")
        return String(text.prefix { $0 != "." && $0 != "[" })
    }
}
