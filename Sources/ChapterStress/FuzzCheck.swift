import ChapterMarkdown

/// The properties every parse must have, whatever the chapter: checked on generated chapters.
enum FuzzCheck {
    static let path = "Chapters/fuzz.md"

    /// Broken properties of the chapter generated from `seed` (empty when all hold).
    static func problems(seed: UInt64) -> [String] {
        var generator = ChapterGenerator(seed: seed)
        return problems(text: generator.chapter())
    }

    static func problems(text: String) -> [String] {
        let (document, diagnostics) = ChapterSource.parse(text: text, path: path)
        var problems: [String] = []
        let again = ChapterSource.parse(text: text, path: path)
        if again.diagnostics != diagnostics {
            let changed = zip(diagnostics, again.diagnostics).first { $0 != $1 }.map { "\($0.0) / \($0.1)" }
            problems.append("diagnostics differ between two parses: \(changed ?? "count")")
        }
        if again.document != document {
            let d = again.document
            let parts = [
                ("front matter", d.frontMatter != document.frontMatter), ("directives", d.directives != document.directives),
                ("roles", d.inlineRoles != document.inlineRoles), ("headings", d.headings != document.headings),
                ("math", d.math != document.math),
            ].filter(\.1).map(\.0)
            problems.append("document differs between two parses: \(parts.isEmpty ? "HTML" : parts.joined(separator: ", "))")
        }

        // Every diagnostic points into the file (a line past the end is fine for "runs to the end").
        let lineCount = lineEnds(in: text) + 1
        for diagnostic in diagnostics {
            guard let location = diagnostic.location else {
                problems.append("diagnostic without location: \(diagnostic)")
                continue
            }
            if location.file != path || location.line < 1 || location.line > lineCount + 1 || location.column < 1 {
                problems.append("diagnostic outside the file (\(lineCount) lines): \(diagnostic)")
            }
        }
        let ids = document.headings.map(\.id)
        if Set(ids).count != ids.count { problems.append("duplicate heading ids \(ids)") }
        if document.directives.map(\.index) != Array(document.directives.indices) { problems.append("directive indices") }
        if document.inlineRoles.map(\.index) != Array(document.inlineRoles.indices) { problems.append("role indices") }

        var rendered: [Int] = []
        let html = document.renderHTML(
            directive: { rendered.append($0.index); return "" }, role: { _ in "" })
        if rendered != Array(document.directives.indices) { problems.append("directives rendered \(rendered)") }
        if !diagnostics.contains(where: { $0.severity == .error }) {
            problems += liveScript(in: html).map { "no error, but the HTML has \($0)" }
        }
        return problems
    }

    /// LF, CRLF and lone CR each end a line (as for cmark).
    static func lineEnds(in text: String) -> Int {
        var count = 0
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0A, previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D { count += 1 }
        }
        return count
    }

    /// Script that would run in the rendered page: script-like elements, event handler
    /// attributes, `javascript:`/`vbscript:` URLs, looked for inside tags only (text outside
    /// tags is escaped). A deliberately simple check, independent of the parser's own.
    static func liveScript(in html: String) -> [String] {
        var found: [String] = []
        for tag in tags(in: html.lowercased()) {
            let name = tag.prefix { !" \n\t/>".contains($0) }
            for element in ["<script", "<iframe", "<object", "<embed"] where name == element {
                found.append(element)
            }
            for attribute in [" href=", " src=", " action=", " formaction=", " xlink:href="] {
                for scheme in ["javascript:", "vbscript:"]
                where ["", "\"", "'"].contains(where: { tag.contains(attribute + $0 + scheme) }) {
                    found.append(scheme)
                }
            }
            let words = tag.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "/" }).dropFirst()
            if words.contains(where: { word in
                word.hasPrefix("on") && word.dropFirst(2).prefix(while: \.isLetter).count > 0
                    && word.dropFirst(2).drop(while: \.isLetter).hasPrefix("=")
            }) {
                found.append("an event attribute")
            }
        }
        return found
    }

    /// Every `<letter…>` in `html`, up to its `>`, outside comments.
    private static func tags(in html: String) -> [Substring] {
        var result: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            if rest[open...].hasPrefix("<!--") {
                rest = rest[open...].firstRange(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            let after = rest.index(after: open)
            guard after < rest.endIndex, rest[after].isLetter else {
                rest = rest[after...]
                continue
            }
            let close = rest[after...].firstIndex(of: ">") ?? rest.endIndex
            result.append(rest[open..<close])
            rest = rest[close...]
        }
        return result
    }
}
