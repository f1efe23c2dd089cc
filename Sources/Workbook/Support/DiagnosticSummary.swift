import ChapterMarkdown

/// Diagnostics as a person reads them in a terminal or over a preview page: errors first, then
/// warnings, and one line per distinct cause. An outside course's Playground links can repeat
/// one warning on every link (178 times in one course), burying the one error that stops the
/// build; grouped, the cause is said once with its count and its first place, where an editor
/// jumps to.
///
/// Two diagnostics have the same cause when they share severity, kind (`DiagnosticID`),
/// message, notes and hint: they differ only in where they are. Groups keep the order of their
/// first member. `verbose` lists every diagnostic on its own line, errors still first.
public enum DiagnosticSummary {
    /// Errors first, then warnings, each in their own order (for `check --format json` too).
    public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }
    }

    public static func lines(_ diagnostics: [Diagnostic], verbose: Bool = false) -> [String] {
        let ordered = ordered(diagnostics)
        if verbose { return ordered.map(\.line) }
        var groups: [(first: Diagnostic, count: Int)] = []
        var index: [Cause: Int] = [:]
        for diagnostic in ordered {
            let cause = Cause(diagnostic)
            if let at = index[cause] {
                groups[at].count += 1
            } else {
                index[cause] = groups.count
                groups.append((diagnostic, 1))
            }
        }
        return groups.map { group in
            guard group.count > 1 else { return group.first.line }
            return group.first.line + " — \(group.count) times, the first shown (--verbose lists every place)"
        }
    }

    /// What makes two diagnostics the same problem in different places.
    private struct Cause: Hashable {
        var severity: Diagnostic.Severity
        var id: DiagnosticID
        var message: String
        var notes: [String]
        var hint: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity
            id = diagnostic.id
            message = diagnostic.message
            notes = diagnostic.notes
            hint = diagnostic.hint
        }
    }
}
