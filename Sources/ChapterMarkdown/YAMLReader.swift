import Yams

/// Reads a YAML snippet embedded in a chapter into located ``YAMLValue``s.
///
/// Yams reports positions relative to the snippet; `firstLine` and `columnOffset` shift them to the chapter
/// file, so front matter and directive bodies get diagnostics at their real lines.
/// A fresh parser is made per call because Yams' `Node` and parser are not Sendable.
struct YAMLReader {
    /// The outcome of reading one snippet.
    enum Result {
        /// Only whitespace or comments.
        case empty
        case value(YAMLValue)
        /// Diagnostics were reported (the snippet is unusable as a whole).
        case failed
    }

    let file: String
    /// Chapter line of the snippet's first line.
    let firstLine: Int
    /// Added to every column (the indentation cmark removed from a fenced block's lines).
    let columnOffset: Int
    /// What is being read, for messages: "front matter", "{experiment} body".
    let what: String

    func read(_ yaml: String, into diagnostics: inout DiagnosticCollector) -> Result {
        if yaml.allSatisfy(\.isWhitespace) { return .empty }
        if let reference = YAMLAnchorScan.firstReference(in: yaml) {
            let written = (reference.isAlias ? "*" : "&") + reference.name
            diagnostics.error(
                "\(what): YAML \(reference.isAlias ? "alias" : "anchor") '\(written)' is not supported",
                at: location(line: reference.line, column: reference.column),
                hint: "write the value out in full (anchors, aliases and '<<' merges are refused so a "
                    + "few lines cannot expand to gigabytes); quote text that starts with '&' or '*'", id: .yamlAlias)
            return .failed
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, yaml: yaml))
            return .failed
        } catch {
            diagnostics.error("malformed YAML in \(what): \(error)", at: location(line: 1, column: 1), id: .malformedYAML)
            return .failed
        }
        guard let node else { return .empty }
        let before = diagnostics.errorCount
        let value = convert(node, into: &diagnostics)
        guard let value, diagnostics.errorCount == before else { return .failed }
        return .value(value)
    }

    // MARK: - Positions

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + max(line, 1) - 1, column: max(column, 1) + columnOffset)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        location(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    // MARK: - Conversion

    private func convert(_ node: Node, into diagnostics: inout DiagnosticCollector) -> YAMLValue? {
        switch node {
        case .scalar(let scalar):
            return .scalar(
                YAMLScalar(text: scalar.string, location: location(scalar.mark), isQuoted: scalar.style != .plain))
        case .sequence(let sequence):
            return .sequence(sequence.compactMap { convert($0, into: &diagnostics) }, location: location(sequence.mark))
        case .mapping(let mapping):
            var result = YAMLMapping(location: location(mapping.mark))
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    diagnostics.error("\(what): keys must be plain text", at: location(keyNode.mark), id: .nonTextKey)
                    continue
                }
                let keyLocation = location(key.mark)
                let keyEnd =
                    key.style == .plain && !key.string.contains("\n")
                    ? keyLocation.advanced(by: key.string.unicodeScalars.count) : nil
                if let first = result.entry(key.string) {
                    diagnostics.error(
                        "duplicate key '\(key.string)' in \(what)", at: keyLocation,
                        notes: ["first defined at \(first.keyLocation)"], id: .duplicateKey, end: keyEnd)
                    continue
                }
                guard let value = convert(valueNode, into: &diagnostics) else { continue }
                result.entries.append(.init(key: key.string, keyLocation: keyLocation, value: value, keyEnd: keyEnd))
            }
            return .mapping(result)
        case .alias(let alias):
            diagnostics.error("\(what): unresolved YAML alias", at: location(alias.mark), id: .yamlAlias)
            return nil
        }
    }

    // MARK: - Errors

    private func diagnostic(for error: YamlError, yaml: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _),
            let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var notes: [String] = []
            if let context {
                notes.append("\(context.text) at \(location(context.mark))")
            }
            return .error("malformed YAML in \(what): \(problem)", at: location(mark), notes: notes, id: .malformedYAML)
        case let .reader(problem, _, _, _):
            return .error("unreadable YAML in \(what): \(problem)", at: location(line: 1, column: 1), id: .malformedYAML)
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams lists the duplicated keys sorted, but lists and mappings used as keys do not
            // sort reliably, so which key comes first (and its mark) can change from run to run.
            // The smallest plain key is reported instead; a key that is not text, only alone.
            let textKeys = duplicates.filter { $0 != "<uncovertable>" }.sorted()
            guard let key = textKeys.first else {
                let at = duplicates.count == 1 ? location(context.mark) : location(line: 1, column: 1)
                return .error("duplicate key in \(what) (a key that is not plain text)", at: at, id: .duplicateKey)
            }
            let mark =
                key == duplicates.first
                ? (line: context.mark.line, column: context.mark.column)
                : firstKeyPosition(key, in: yaml) ?? (line: context.mark.line, column: context.mark.column)
            // Yams points at the first occurrence; authors need the repeated one.
            let first = location(line: mark.line, column: mark.column)
            let repeated = repeatedKeyLine(key, after: mark, in: yaml).map {
                location(line: $0, column: mark.column)
            }
            return .error(
                "duplicate key '\(key)' in \(what)", at: repeated ?? first,
                notes: repeated == nil ? [] : ["first defined at \(first)"], id: .duplicateKey)
        default:
            return .error("malformed YAML in \(what): \(error)", at: location(line: 1, column: 1), id: .malformedYAML)
        }
    }

    /// Where `key:` is first written at the start of a line (after indentation or `- `).
    private func firstKeyPosition(_ key: String, in yaml: String) -> (line: Int, column: Int)? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let body = line.drop { $0 == " " || $0 == "-" }
            if body.hasPrefix(key), body.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (index + 1, line.count - body.count + 1)
            }
        }
        return nil
    }

    /// The snippet line (1-based) of a later `key:` at the same indentation as `mark`.
    private func repeatedKeyLine(_ key: String, after mark: (line: Int, column: Int), in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index].unicodeScalars
            guard line.count >= mark.column else { continue }
            let start = line.index(line.startIndex, offsetBy: mark.column - 1)
            guard line[line.startIndex..<start].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let rest = Substring(String(line[start...]))
            for quote in ["\"", "'"] where rest.hasPrefix(quote + key + quote) {
                if rest.dropFirst(key.count + 2).drop(while: { $0 == " " }).hasPrefix(":") { return index + 1 }
            }
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return index + 1
            }
        }
        return nil
    }
}
