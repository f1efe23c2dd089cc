/// One problem found in a chapter (or later by the compiler), with where it is.
///
/// The first line of `description` follows the GCC/Clang convention
/// `Chapters/FILE.md:LINE:COL: error: MESSAGE` so editors, terminals and CI
/// annotate it without extra configuration.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is. Errors stop the build; warnings do not.
    public enum Severity: String, Sendable, Hashable, CustomStringConvertible {
        case error
        case warning

        public var description: String { rawValue }
    }

    public var severity: Severity
    /// Where the problem is. `nil` only for problems that belong to no file (e.g. configuration).
    public var location: SourceLocation?
    /// One line, no trailing period needed; it may already contain "did you mean …?".
    public var message: String
    /// Extra context printed on the following lines (e.g. "first defined at …").
    public var notes: [String]
    /// A suggested fix, printed after the notes.
    public var hint: String?
    /// What kind of problem this is, stable across wording changes (`labbook.unknown-key`), so
    /// tools and tests can match on it. Required everywhere: there is no general kind.
    public var id: DiagnosticID
    /// Where the offending text ends (exclusive, same file as `location`), so an editor can
    /// underline it. Set by a call site that knows the span (a key, a role); otherwise filled in
    /// by ``DiagnosticRanges`` from the source text: the end of the token at `location`, else
    /// of its line.
    public var end: SourceLocation?

    public init(
        _ severity: Severity, at location: SourceLocation?, _ message: String,
        notes: [String] = [], hint: String? = nil, id: DiagnosticID, end: SourceLocation? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
        self.hint = hint
        self.id = id
        self.end = end
    }

    /// Shorthand for an error diagnostic.
    public static func error(
        _ message: String, at location: SourceLocation?, notes: [String] = [], hint: String? = nil,
        id: DiagnosticID, end: SourceLocation? = nil
    ) -> Diagnostic {
        Diagnostic(.error, at: location, message, notes: notes, hint: hint, id: id, end: end)
    }

    /// Shorthand for a warning diagnostic.
    public static func warning(
        _ message: String, at location: SourceLocation?, notes: [String] = [], hint: String? = nil,
        id: DiagnosticID, end: SourceLocation? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, at: location, message, notes: notes, hint: hint, id: id, end: end)
    }

    /// Exactly `FILE:LINE:COL: SEVERITY: MESSAGE` (or `SEVERITY: MESSAGE` without a location).
    ///
    /// Kept to a single line so tests and tools can match it; notes and hints are in
    /// ``fullDescription``.
    public var description: String {
        if let location { return "\(location): \(severity): \(message)" }
        return "\(severity): \(message)"
    }

    /// ``description`` followed by indented `note:` and `hint:` lines, for terminal output.
    public var fullDescription: String {
        var lines = [description]
        lines += notes.map { "    note: \($0)" }
        if let hint { lines.append("    hint: \(hint)") }
        return lines.joined(separator: "\n")
    }
}
