import ChapterMarkdown

/// Diagnostics as JSON for editors and scripts (`labbook check --format json`).
///
/// Written by hand rather than with `JSONEncoder` so the keys come in one fixed order (file,
/// line, column, endLine, endColumn, severity, id, message, hint, notes) and the output is
/// byte-for-byte the same for the same book: editors diff it, tests compare it. Lines and
/// columns are 1-based, columns count Unicode scalars and the end is exclusive, as in the
/// printed `file:line:col`. A diagnostic that belongs to no file has null for all five
/// position fields; a missing hint is null; notes is always an array.
public enum DiagnosticJSON {
    /// A JSON array of `diagnostics`, one object a line, in the order given.
    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]\n" }
        return "[\n" + diagnostics.map { "  " + object($0) }.joined(separator: ",\n") + "\n]\n"
    }

    /// The one diagnostic of a check refused before reading the book (an output or cache folder
    /// that is not Labbook's), so an editor still gets JSON.
    public static func unsafeFolder(_ message: String) -> String {
        encode([.error(message, at: nil, id: .unsafeFolder)])
    }

    static func object(_ diagnostic: Diagnostic) -> String {
        let start = diagnostic.location
        let end = diagnostic.end ?? start
        let fields: [(String, String)] = [
            ("file", start.map { string($0.file) } ?? "null"),
            ("line", start.map { String($0.line) } ?? "null"),
            ("column", start.map { String($0.column) } ?? "null"),
            ("endLine", end.map { String($0.line) } ?? "null"),
            ("endColumn", end.map { String($0.column) } ?? "null"),
            ("severity", string(diagnostic.severity.rawValue)),
            ("id", string(diagnostic.id.rawValue)),
            ("message", string(diagnostic.message)),
            ("hint", diagnostic.hint.map(string) ?? "null"),
            ("notes", "[" + diagnostic.notes.map(string).joined(separator: ", ") + "]"),
        ]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func string(_ text: String) -> String {
        var out = ""
        JSONValue.writeString(text, into: &out)
        return out
    }
}
