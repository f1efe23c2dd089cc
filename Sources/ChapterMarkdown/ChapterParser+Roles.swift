import CCmarkGFM

/// Finding ``{name}`content` `` roles: a text node ending in `{name}` whose next sibling
/// is a code span.
extension ChapterParser {
    /// Extracts known roles, replacing `{name}` + code span by a text placeholder.
    /// Unknown names are diagnosed and left as written.
    mutating func extractRoles(from nodes: [CmarkNode], in tree: CmarkTree) -> [InlineRole] {
        var roles: [InlineRole] = []
        var edits: [(text: CmarkNode, trimmed: String, code: CmarkNode, token: String)] = []
        var locator = RoleLocator(path: path)
        for node in nodes where node.isText {
            guard let code = node.next, code.isCode, let (name, trimmed) = roleSuffix(of: node.literal) else {
                continue
            }
            let location: SourceLocation
            if let block = enclosingBlock(of: node) {
                location = locator.next(
                    name: name, block: Int(bitPattern: UnsafeRawPointer(block.pointer)),
                    lines: block.startLine...max(block.endLine, block.startLine), of: lines)
            } else {
                location = SourceLocation(file: path, line: 1, column: 1)
            }
            guard roleNames.contains(name) else {
                var message = "unknown role '{\(name)}'"
                if let guess = suggestion(for: name, among: roleNames) { message += "; did you mean '{\(guess)}'?" }
                diagnostics.error(
                    message, at: location, notes: ["known roles: " + roleNames.map { "{\($0)}" }.joined(separator: ", ")], id: .unknownRole)
                continue
            }
            let role = InlineRole(name: name, content: code.literal, location: location, index: roles.count)
            edits.append((node, trimmed, code, placeholders.token(.role, role.index)))
            roles.append(role)
        }
        for edit in edits {
            edit.text.setLiteral(edit.trimmed)
            tree.replace(edit.code, with: CMARK_NODE_TEXT, literal: edit.token)
        }
        return roles
    }

    /// If `text` ends with `{name}` (name: a letter, then letters, digits, `-`, `_`),
    /// returns the name and the text before it.
    private func roleSuffix(of text: String) -> (name: String, before: String)? {
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{") else { return nil }
        let name = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard let first = name.first, first.isASCII, first.isLetter,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return (String(name), String(text[..<open]))
    }

    /// The nearest ancestor that carries a source position (paragraph, heading, cell…).
    private func enclosingBlock(of node: CmarkNode) -> CmarkNode? {
        var current = node.parent
        while let candidate = current {
            if candidate.isBlock, candidate.startLine > 0 { return candidate }
            current = candidate.parent
        }
        return nil
    }
}
