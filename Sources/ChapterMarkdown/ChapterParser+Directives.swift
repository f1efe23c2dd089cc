import CCmarkGFM

/// Finding ```` ```{name} argument ```` fences and reading their YAML bodies.
extension ChapterParser {
    /// Extracts directives and replaces each well-formed one by an HTML-block placeholder.
    mutating func extractDirectives(from nodes: [CmarkNode], in tree: CmarkTree) -> [Directive] {
        var directives: [Directive] = []
        var replaced: [(CmarkNode, String)] = []
        for node in nodes where node.isFencedCode {
            let info = node.fenceInfo.trimmingWhitespace()
            guard info.hasPrefix("{") else { continue }
            if let directive = directive(from: node, info: info, index: directives.count) {
                replaced.append((node, placeholders.token(.directive, directive.index) + "\n"))
                directives.append(directive)
            }
        }
        for (node, token) in replaced {
            tree.replace(node, with: CMARK_NODE_HTML_BLOCK, literal: token)
        }
        return directives
    }

    /// One directive, or `nil` after reporting why it is unusable.
    private mutating func directive(from node: CmarkNode, info: Substring, index: Int) -> Directive? {
        let fence = location(line: node.startLine, byteColumn: node.startColumn)
        let nameLocation = braceLocation(onLine: node.startLine, after: fence.column) ?? fence
        guard let close = info.firstIndex(of: "}") else {
            diagnostics.error(
                "directive name is missing its closing '}'", at: nameLocation,
                hint: "write the fence as ```{name} argument", id: .directiveSyntax)
            return nil
        }
        let name = String(info[info.index(after: info.startIndex)..<close]).trimmingWhitespace()
        guard directiveNames.contains(String(name)) else {
            var message = "unknown directive '{\(name)}'"
            if let guess = suggestion(for: String(name), among: directiveNames) {
                message += "; did you mean '{\(guess)}'?"
            }
            diagnostics.error(
                message, at: nameLocation,
                notes: ["known directives: " + directiveNames.map { "{\($0)}" }.joined(separator: ", ")], id: .unknownDirective)
            return nil
        }
        guard isClosed(node) else {
            diagnostics.error(
                "{\(name)} block is not closed; it runs to the end of the file", at: fence,
                hint: "add a line with the closing fence after the block's body", id: .unclosedBlock)
            return nil
        }
        let argument = info[info.index(after: close)...].trimmingWhitespace()
        let rawBody = node.literal
        let bodyLine = node.startLine + 1
        let reader = YAMLReader(
            file: path, firstLine: bodyLine, columnOffset: fence.column - 1, what: "{\(name)} body")
        var body = YAMLMapping(location: SourceLocation(file: path, line: bodyLine, column: fence.column))
        switch reader.read(rawBody, into: &diagnostics) {
        case .empty:
            break
        case .failed:
            return nil
        case .value(.mapping(let mapping)):
            body = mapping
        case .value(let other):
            diagnostics.error(
                "the body of {\(name)} must be 'key: value' lines, found \(other.kindDescription)",
                at: other.location, id: .notAMapping)
            return nil
        }
        return Directive(
            name: String(name), argument: argument.isEmpty ? nil : String(argument), body: body,
            rawBody: rawBody, location: fence, bodyStartLine: bodyLine, index: index)
    }

    /// Whether the block's last line is a closing fence (cmark silently runs an unclosed
    /// fence to the end of its container, swallowing the rest of the chapter).
    private func isClosed(_ node: CmarkNode) -> Bool {
        guard let fence = node.fence, node.endLine > node.startLine, lines.indices.contains(node.endLine - 1)
        else { return false }
        let last = lines[node.endLine - 1].drop { $0 == " " || $0 == "\t" || $0 == ">" }
        return last.hasPrefix(String(repeating: fence.character, count: fence.length))
    }

    /// The location of the first `{` on `line` at or after `column` (the directive name).
    private func braceLocation(onLine line: Int, after column: Int) -> SourceLocation? {
        guard lines.indices.contains(line - 1) else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        guard column - 1 < scalars.count,
            let brace = scalars[(column - 1)...].firstIndex(of: "{")
        else { return nil }
        return SourceLocation(file: path, line: line, column: brace + 1)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return text[first...last]
    }
}
