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
///
/// Everything works on UTF-8 bytes (every delimiter is ASCII, and no byte of a multi-byte
/// character is), with positions tracked incrementally, so a chapter is protected in
/// linear time however long its paragraphs or lines are.
struct MathProtector {
    let scheme: PlaceholderScheme
    let file: String

    /// - Parameters:
    ///   - lines: the chapter's lines (front matter already blanked).
    ///   - skipping: 0-based indices of lines inside code or HTML blocks.
    /// - Returns: the protected text (same number of lines) and the spans, by token index.
    func protect(lines: [Substring], skipping: Set<Int>) -> (text: String, spans: [MathSpan]) {
        var output: [UInt8] = []
        output.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 } + 64)
        var spans: [MathSpan] = []
        var index = 0
        func isBlank(_ line: Substring) -> Bool { line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        while index < lines.count {
            if index > 0 { output.append(0x0A) }
            if skipping.contains(index) || isBlank(lines[index]) {
                output.append(contentsOf: lines[index].utf8)
                index += 1
                continue
            }
            var segment: [UInt8] = []
            var end = index
            while end < lines.count, !skipping.contains(end), !isBlank(lines[end]) {
                if end > index { segment.append(0x0A) }
                segment.append(contentsOf: lines[end].utf8)
                end += 1
            }
            var scanner = SegmentScanner(s: segment, scheme: scheme, file: file, firstLine: index + 1)
            scanner.protect(into: &output, spans: &spans)
            index = end
        }
        return (String(decoding: output, as: UTF8.self), spans)
    }
}

/// Protects the math in one paragraph-like run of lines (`s`, lines joined by LF).
private struct SegmentScanner {
    let s: [UInt8]
    let scheme: PlaceholderScheme
    let file: String
    /// Where scanning for locations has got to; spans are found in order, so it only moves forward.
    var position: Position

    // Searches for a closing delimiter only move forward and all follow the same escape
    // pairing, so once a search from `p` found nothing, every later one fails too: the first
    // failing start is remembered instead of scanning to the end again (which made a
    // paragraph of unclosed `\(` or `$x` quadratic).
    private var noBackslashCloserFrom: [UInt8: Int] = [:]
    private var noDollarFrom: [Bool: Int] = [:]
    /// Backtick runs by length (their start offsets, ascending), built on first use, and how
    /// far each length's list has been consumed: a code span's closing run is found in
    /// amortised constant time even when many runs of different lengths stay unclosed.
    private var backtickRuns: [Int: [Int]]?
    private var backtickCursor: [Int: Int] = [:]

    init(s: [UInt8], scheme: PlaceholderScheme, file: String, firstLine: Int) {
        self.s = s
        self.scheme = scheme
        self.file = file
        self.position = Position(line: firstLine)
    }

    struct Position {
        var offset = 0
        var line: Int
        var column = 1
        var lineStart = 0
    }

    private static let backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`"), dollar = UInt8(ascii: "$")
    private static let newline = UInt8(ascii: "\n")

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    private func isDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) }

    mutating func protect(into out: inout [UInt8], spans: inout [MathSpan]) {
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == Self.backslash {
                if i + 1 < s.count, s[i + 1] == UInt8(ascii: "(") || s[i + 1] == UInt8(ascii: "[") {
                    let closer = s[i + 1] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                    if let j = findBackslashCloser(closer, from: i + 2) {
                        let style: MathSpan.Style = closer == UInt8(ascii: ")") ? .inline : .display
                        i = emit(style, span: i..<(j + 2), content: (i + 2)..<j, into: &out, spans: &spans)
                        continue
                    }
                }
                let next = min(i + 2, s.count)
                out.append(contentsOf: s[i..<next])
                i = next
            } else if c == Self.backtick {
                var run = i
                while run < s.count, s[run] == Self.backtick { run += 1 }
                let close = findBacktickRun(length: run - i, from: run) ?? run
                out.append(contentsOf: s[i..<close])
                i = close
            } else if c == Self.dollar, i + 1 < s.count, s[i + 1] == Self.dollar {
                if let j = findDollars(from: i + 2, double: true), s[(i + 2)..<j].contains(where: { !isSpace($0) }) {
                    i = emit(.display, span: i..<(j + 2), content: (i + 2)..<j, into: &out, spans: &spans)
                } else {
                    out.append(contentsOf: s[i..<(i + 2)])
                    i += 2
                }
            } else if c == Self.dollar, i + 1 < s.count, !isSpace(s[i + 1]),
                let j = findDollars(from: i + 1, double: false), !isSpace(s[j - 1]),
                !(j + 1 < s.count && isDigit(s[j + 1]))
            {
                i = emit(.inline, span: i..<(j + 1), content: (i + 1)..<j, into: &out, spans: &spans)
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    /// Records the span, writes its tokens, and returns the index after it.
    private mutating func emit(
        _ style: MathSpan.Style, span: Range<Int>, content: Range<Int>, into out: inout [UInt8],
        spans: inout [MathSpan]
    ) -> Int {
        advance(to: span.lowerBound)
        let number = spans.count
        let location = SourceLocation(file: file, line: position.line, column: position.column)
        let tex = rewrite(span: span, content: content, token: number, into: &out)
        spans.append(MathSpan(style: style, tex: tex, location: location))
        return span.upperBound
    }

    /// Moves ``position`` forward to `offset`, counting lines and Unicode scalars.
    private mutating func advance(to offset: Int) {
        while position.offset < offset {
            let c = s[position.offset]
            position.offset += 1
            if c == Self.newline {
                position.line += 1
                position.column = 1
                position.lineStart = position.offset
            } else if c.isScalarStart {
                position.column += 1
            }
        }
    }

    /// Writes the token text for a span (one token per original line, after that line's
    /// indentation and `>` markers) and returns the span's TeX.
    private func rewrite(span: Range<Int>, content: Range<Int>, token number: Int, into out: inout [UInt8]) -> String {
        let inQuote = s[position.lineStart..<span.lowerBound].first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: ">")
        func isPrefix(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || (inQuote && c == UInt8(ascii: ">")) }

        var tex: [UInt8] = []
        out.append(contentsOf: scheme.token(.math, number).utf8)
        var k = span.lowerBound
        while k < span.upperBound {
            if s[k] == Self.newline {
                var prefixEnd = k + 1
                while prefixEnd < span.upperBound, isPrefix(s[prefixEnd]) { prefixEnd += 1 }
                out.append(Self.newline)
                out.append(contentsOf: s[(k + 1)..<prefixEnd])
                out.append(contentsOf: scheme.token(.mathContinuation, number).utf8)
                if content.contains(k) { tex.append(Self.newline) }
                k = prefixEnd
                continue
            }
            if content.contains(k) { tex.append(s[k]) }
            k += 1
        }
        return String(decoding: tex, as: UTF8.self)
    }

    /// Index of the `\` of the first unescaped `\)` / `\]` at or after `start`.
    private mutating func findBackslashCloser(_ closer: UInt8, from start: Int) -> Int? {
        if let failed = noBackslashCloserFrom[closer], start >= failed { return nil }
        var k = start
        while k + 1 < s.count {
            if s[k] == Self.backslash {
                if s[k + 1] == closer { return k }
                k += 2
            } else {
                k += 1
            }
        }
        noBackslashCloserFrom[closer] = start
        return nil
    }

    /// Index of the first unescaped `$` (or `$$`) at or after `start`.
    private mutating func findDollars(from start: Int, double: Bool) -> Int? {
        if let failed = noDollarFrom[double], start >= failed { return nil }
        var k = start
        while k < s.count {
            if s[k] == Self.backslash {
                k += 2
            } else if s[k] == Self.dollar {
                if !double { return k }
                if k + 1 < s.count, s[k + 1] == Self.dollar { return k }
                k += 1
            } else {
                k += 1
            }
        }
        noDollarFrom[double] = start
        return nil
    }

    /// End index of the next backtick run of exactly `length` starting at or after `start`
    /// (the code span's end), if any. `start` is always just past a run, so runs are maximal.
    private mutating func findBacktickRun(length: Int, from start: Int) -> Int? {
        if backtickRuns == nil { backtickRuns = Self.runsByLength(in: s) }
        guard let starts = backtickRuns?[length] else { return nil }
        var cursor = backtickCursor[length] ?? 0
        while cursor < starts.count, starts[cursor] < start { cursor += 1 }
        backtickCursor[length] = cursor
        return cursor < starts.count ? starts[cursor] + length : nil
    }

    private static func runsByLength(in s: [UInt8]) -> [Int: [Int]] {
        var runs: [Int: [Int]] = [:]
        var k = 0
        while k < s.count {
            guard s[k] == backtick else {
                k += 1
                continue
            }
            var end = k
            while end < s.count, s[end] == backtick { end += 1 }
            runs[end - k, default: []].append(k)
            k = end
        }
        return runs
    }
}
