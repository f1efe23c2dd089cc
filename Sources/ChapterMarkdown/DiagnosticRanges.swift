/// Gives every located diagnostic an end, so an editor can underline the offending text rather
/// than one character.
///
/// Most call sites know only where a problem starts (a YAML value, a role, a fence); reading the
/// source text once, after all passes, ends each such diagnostic at the end of the token it
/// points at — a word up to a space, `,`, `]` or a key's `:`; a bracketed `[…]` or `{…}` up to its
/// match; a quoted string up to its quote; a role ``{name}`content` `` through its code span —
/// a directive's fence line as a whole — or, where it points at spaces or past the text, at the
/// end of its line. Ends a call site set are kept, clamped to their line.
public enum DiagnosticRanges {
    /// `diagnostics` with the ends of those in the files of `texts` (keyed by display path)
    /// filled in or clamped; diagnostics of other files are returned as they are.
    public static func complete(_ diagnostics: [Diagnostic], texts: [String: String]) -> [Diagnostic] {
        var lines: [String: [Substring]] = [:]
        // Each line's scalars once, however many diagnostics it has (raw HTML findings on one
        // long line can be thousands).
        var scalars: [String: [Int: [Unicode.Scalar]]] = [:]
        return diagnostics.map { diagnostic in
            guard let start = diagnostic.location, let text = texts[start.file] else { return diagnostic }
            if lines[start.file] == nil {
                lines[start.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let fileLines = lines[start.file] ?? []
            var line: [Unicode.Scalar]? = nil
            if fileLines.indices.contains(start.line - 1) {
                line = scalars[start.file, default: [:]][start.line] ?? Array(fileLines[start.line - 1].unicodeScalars)
                scalars[start.file, default: [:]][start.line] = line
            }
            var completed = diagnostic
            completed.end = end(of: diagnostic, onLine: line)
            return completed
        }
    }

    /// How far past its start a token is looked for: bounds the work per diagnostic on a huge line.
    static let scanLimit = 4096

    /// The diagnostic's end: its own if set (never before its start, never past its line), else
    /// the end of the token at its start. `line` is the start's line, nil past the end of the file.
    static func end(of diagnostic: Diagnostic, onLine line: [Unicode.Scalar]?) -> SourceLocation? {
        guard let start = diagnostic.location else { return nil }
        guard let line else { return diagnostic.end ?? start }
        let lineEnd = trimmedEnd(line) + 1
        if let end = diagnostic.end, end.file == start.file, end >= start {
            guard end.line == start.line else { return end }
            return SourceLocation(file: start.file, line: start.line, column: max(start.column, min(end.column, lineEnd)))
        }
        let from = max(0, min(start.column - 1, line.count))
        let window = Array(line[from..<min(line.count, from + scanLimit)])
        let column = tokenEnd(window, from: 0).map { from + $0 + 1 } ?? max(min(lineEnd, from + scanLimit + 1), start.column)
        return SourceLocation(file: start.file, line: start.line, column: column)
    }

    /// The index just past the token starting at `index`, or nil when none starts there.
    static func tokenEnd(_ line: [Unicode.Scalar], from index: Int) -> Int? {
        guard line.indices.contains(index), !line[index].properties.isWhitespace else { return nil }
        // A directive's fence: the whole ```{name} argument line.
        if index + 2 < line.count, line[index] == "`" || line[index] == "~",
            line[index + 1] == line[index], line[index + 2] == line[index]
        {
            return trimmedEnd(line)
        }
        switch line[index] {
        case "[": return matching("[", "]", in: line, from: index)
        case "{":
            guard let close = matching("{", "}", in: line, from: index) else { return nil }
            // A role: `{name}` directly followed by its code span.
            if close < line.count, line[close] == "`", let tick = line[(close + 1)...].firstIndex(of: "`") {
                return tick + 1
            }
            return close
        case "\"", "'":
            let quote = line[index]
            return line[(index + 1)...].firstIndex(of: quote).map { $0 + 1 }
        default:
            var end = index
            while end < line.count, !isTokenBoundary(line, end) { end += 1 }
            return end > index ? end : index + 1
        }
    }

    /// Whether a plain token ends before `index`: at a space, a list's `,` or `]`, or a key's `:`.
    private static func isTokenBoundary(_ line: [Unicode.Scalar], _ index: Int) -> Bool {
        let scalar = line[index]
        if scalar.properties.isWhitespace || scalar == "," || scalar == "]" || scalar == "}" { return true }
        return scalar == ":" && (index + 1 == line.count || line[index + 1].properties.isWhitespace)
    }

    /// The index just past the bracket closing the one at `index`, nil if the line does not close it.
    private static func matching(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, in line: [Unicode.Scalar], from index: Int
    ) -> Int? {
        var depth = 0
        for position in index..<line.count {
            if line[position] == open { depth += 1 }
            if line[position] == close {
                depth -= 1
                if depth == 0 { return position + 1 }
            }
        }
        return nil
    }

    /// The count of the line's scalars without trailing spaces (and a CR).
    private static func trimmedEnd(_ line: [Unicode.Scalar]) -> Int {
        var end = line.count
        while end > 0, line[end - 1].properties.isWhitespace { end -= 1 }
        return end
    }
}
