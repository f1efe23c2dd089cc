import ChapterMarkdown

/// What the student edition makes of an experiment or comparison (`student:` key): a worksheet
/// (the setup, and a blank results table to fill in from one's own runs) or its results as in
/// the instructor edition.
public enum StudentRole: String, CaseIterable, Sendable, Hashable {
    case worksheet, results

    static let key = "student"
}

extension DirectiveAnalyzer {
    /// The `student:` key's value, reporting anything but `worksheet` or `results`.
    mutating func studentRole(_ value: YAMLValue) -> StudentRole? {
        let valid = StudentRole.allCases.map(\.rawValue)
        guard let text = value.scalar?.text, let role = StudentRole(rawValue: text.lowercased()) else {
            let written = value.scalar?.text ?? value.kindDescription
            diagnostics.error(
                "student: unknown value '\(written)'", at: value.location,
                hint: suggestion(for: written, among: valid).map { "did you mean '\($0)'?" }
                    ?? "valid: \(valid.joined(separator: ", "))", id: .badValue, end: value.end)
            return nil
        }
        return role
    }
}
