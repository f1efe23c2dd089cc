/// Replaces math in prose by placeholder tokens before cmark sees the chapter.
///
/// Runs on raw text, because once cmark has parsed `\[` or `a_*b*_c` the TeX is already
/// lost. Code blocks and HTML blocks are excluded by line (found by a first cmark pass);
/// code spans are skipped by scanning backtick runs. `$` follows pandoc's rule, so
/// "costs $5 and $6" stays currency: an opening `$` must be followed by a non-space, and
/// the first `$` after it closes only if it follows a non-space and precedes no digit.
///
/// A multi-line span becomes a token on its first line and a continuation token on each
/// further line (after that line's indentation or `>` markers), so line numbers and
/// list/quote structure are preserved.
struct MathProtector {
    let scheme: PlaceholderScheme
    let file: String

    /// - Parameters:
    ///   - lines: the chapter's lines (front matter already blanked).
    ///   - skipping: 0-based indices of lines inside code or HTML blocks.
    /// - Returns: the protected text (same number of lines) and the spans, by token index.
    func protect(lines: [Substring], skipping: Set<Int>) -> (text: String, spans: [MathSpan]) {
        var output: [String] = []
        var spans: [MathSpan] = []
        var index = 0
        while index < lines.count {
            if skipping.contains(index) || lines[index].allSatisfy(\.isWhitespace) {
                output.append(String(lines[index]))
                index += 1
                continue
            }
            var end = index
            while end < lines.count, !skipping.contains(end), !lines[end].allSatisfy(\.isWhitespace) { end += 1 }
            let segment = lines[index..<end].joined(separator: "\n")
            output.append(protectSegment(segment, firstLine: index + 1, spans: &spans))
            index = end
        }
        return (output.joined(separator: "\n"), spans)
    }

    // MARK: - Scanning one paragraph-like run of lines

    private func protectSegment(_ segment: String, firstLine: Int, spans: inout [MathSpan]) -> String {
        let s = Array(segment.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0

        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        func copy(_ range: Range<Int>) { out.append(contentsOf: s[range]) }

        func emit(_ style: MathSpan.Style, from start: Int, content: Range<Int>, end: Int) {
            let number = spans.count
            let (tex, replacement) = rewrite(s, span: start..<end, content: content, token: number)
            spans.append(MathSpan(style: style, tex: tex, location: location(of: start, in: s, firstLine: firstLine)))
            out.append(contentsOf: replacement.unicodeScalars)
            i = end
        }

        while i < s.count {
            let c = s[i]
            if c == "\\" {
                if i + 1 < s.count, s[i + 1] == "(" || s[i + 1] == "[" {
                    let closer: Unicode.Scalar = s[i + 1] == "(" ? ")" : "]"
                    if let j = findBackslashCloser(closer, in: s, from: i + 2) {
                        emit(closer == ")" ? .inline : .display, from: i, content: (i + 2)..<j, end: j + 2)
                        continue
                    }
                }
                let next = min(i + 2, s.count)
                copy(i..<next)
                i = next
            } else if c == "`" {
                var run = i
                while run < s.count, s[run] == "`" { run += 1 }
                let length = run - i
                let close = findBacktickRun(length: length, in: s, from: run) ?? run
                copy(i..<close)
                i = close
            } else if c == "$", i + 1 < s.count, s[i + 1] == "$" {
                if let j = findDollars(in: s, from: i + 2, double: true),
                    s[(i + 2)..<j].contains(where: { !isSpace($0) })
                {
                    emit(.display, from: i, content: (i + 2)..<j, end: j + 2)
                } else {
                    copy(i..<(i + 2))
                    i += 2
                }
            } else if c == "$", i + 1 < s.count, !isSpace(s[i + 1]),
                let j = findDollars(in: s, from: i + 1, double: false), !isSpace(s[j - 1]),
                !(j + 1 < s.count && ("0"..."9").contains(s[j + 1]))
            {
                emit(.inline, from: i, content: (i + 1)..<j, end: j + 1)
            } else {
                copy(i..<(i + 1))
                i += 1
            }
        }
        return String(out)
    }

    /// Index of the `\` of the first unescaped `\)` / `\]` at or after `start`.
    private func findBackslashCloser(_ closer: Unicode.Scalar, in s: [Unicode.Scalar], from start: Int) -> Int? {
        var k = start
        while k + 1 < s.count {
            if s[k] == "\\" {
                if s[k + 1] == closer { return k }
                k += 2
            } else {
                k += 1
            }
        }
        return nil
    }

    /// Index of the first unescaped `$` (or `$$`) at or after `start`.
    private func findDollars(in s: [Unicode.Scalar], from start: Int, double: Bool) -> Int? {
        var k = start
        while k < s.count {
            if s[k] == "\\" {
                k += 2
            } else if s[k] == "$" {
                if !double { return k }
                if k + 1 < s.count, s[k + 1] == "$" { return k }
                k += 1
            } else {
                k += 1
            }
        }
        return nil
    }

    /// End index of the next backtick run of exactly `length` (the code span's end), if any.
    private func findBacktickRun(length: Int, in s: [Unicode.Scalar], from start: Int) -> Int? {
        var k = start
        while k < s.count {
            guard s[k] == "`" else {
                k += 1
                continue
            }
            var run = k
            while run < s.count, s[run] == "`" { run += 1 }
            if run - k == length { return run }
            k = run
        }
        return nil
    }

    /// The TeX of a span and the token text that replaces it (one line per original line).
    private func rewrite(
        _ s: [Unicode.Scalar], span: Range<Int>, content: Range<Int>, token number: Int
    ) -> (tex: String, replacement: String) {
        let lineStart = s[..<span.lowerBound].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let inQuote = s[lineStart..<span.lowerBound].first { $0 != " " && $0 != "\t" } == ">"
        func isPrefix(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || (inQuote && c == ">") }

        var tex = String.UnicodeScalarView()
        var replacement = scheme.token(.math, number)
        var k = span.lowerBound
        while k < span.upperBound {
            if s[k] == "\n" {
                var prefixEnd = k + 1
                while prefixEnd < span.upperBound, isPrefix(s[prefixEnd]) { prefixEnd += 1 }
                replacement += "\n" + String(String.UnicodeScalarView(s[(k + 1)..<prefixEnd]))
                replacement += scheme.token(.mathContinuation, number)
                if content.contains(k) { tex.append("\n") }
                k = prefixEnd
                continue
            }
            if content.contains(k) { tex.append(s[k]) }
            k += 1
        }
        return (String(tex), replacement)
    }

    private func location(of offset: Int, in s: [Unicode.Scalar], firstLine: Int) -> SourceLocation {
        let before = s[..<offset]
        let line = firstLine + before.count { $0 == "\n" }
        let column = offset - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
