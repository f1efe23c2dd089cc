/// The YAML block at the top of a chapter, between a leading `---` line and the next
/// `---` (or `...`) line.
///
/// `title` and `chapter` are typed because the compiler needs them for navigation and
/// numbering; everything else stays available, located, in ``mapping`` (and as plain
/// strings in ``fields``) for features that come later.
public struct FrontMatter: Sendable, Hashable {
    /// `title:` if it is a scalar.
    public var title: String?
    /// `chapter:` if it is an integer.
    public var chapter: Int?
    /// All keys in the order written, with locations.
    public var mapping: YAMLMapping
    /// Chapter lines occupied by the block, delimiters included (`nil` when there is none).
    public var lines: ClosedRange<Int>?

    public init(title: String? = nil, chapter: Int? = nil, mapping: YAMLMapping, lines: ClosedRange<Int>? = nil) {
        self.title = title
        self.chapter = chapter
        self.mapping = mapping
        self.lines = lines
    }

    /// Scalar-valued keys as plain strings (lists and mappings are left out).
    public var fields: [String: String] {
        var result: [String: String] = [:]
        for entry in mapping.entries {
            if let text = entry.value.string { result[entry.key] = text }
        }
        return result
    }
}

extension FrontMatter {
    /// Splits the front matter off `lines` (the chapter split on `\n`).
    ///
    /// The front matter lines are blanked in `lines` rather than removed, so every later
    /// pass (cmark included) sees the chapter's real line numbers.
    static func extract(
        from lines: inout [Substring], file: String, into diagnostics: inout DiagnosticCollector
    ) -> FrontMatter? {
        guard let first = lines.first, isDelimiter(first, allowDots: false) else { return nil }
        guard let end = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], allowDots: true) }) else {
            diagnostics.error(
                "front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
                hint: "end the front matter with a line containing only '---'", id: .unclosedBlock)
            return nil
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        for index in 0...end { lines[index] = "" }
        let reader = YAMLReader(file: file, firstLine: 2, columnOffset: 0, what: "front matter")
        var matter = FrontMatter(
            mapping: YAMLMapping(location: SourceLocation(file: file, line: 2, column: 1)), lines: 1...(end + 1))
        switch reader.read(yaml, into: &diagnostics) {
        case .empty, .failed:
            break
        case .value(.mapping(let mapping)):
            matter.mapping = mapping
        case .value(let other):
            diagnostics.error(
                "front matter must be a mapping of 'key: value' lines, found \(other.kindDescription)",
                at: other.location, id: .notAMapping)
        }
        if let title = matter.mapping.entry("title") {
            if let text = title.value.string {
                matter.title = text
            } else {
                diagnostics.error(
                    "'title' must be text, found \(title.value.kindDescription)",
                    at: title.value.location, id: .wrongType)
            }
        }
        if let chapter = matter.mapping.entry("chapter") {
            if let number = chapter.value.scalar?.intValue {
                matter.chapter = number
            } else {
                diagnostics.error("'chapter' must be a whole number", at: chapter.value.location, id: .wrongType)
            }
        }
        return matter
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var text = line
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text == "---" || (allowDots && text == "...")
    }
}
