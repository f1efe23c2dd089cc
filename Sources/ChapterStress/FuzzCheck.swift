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

        // Finding code blocks with one parse when that is safe gives what two parses give.
        let twoPasses = ChapterSource.parse(text: text, path: path, alwaysTwoPasses: true)
        if twoPasses.document != document || twoPasses.diagnostics != diagnostics {
            problems.append("one parse and two parses differ")
        }

        // Every diagnostic points into the file (a line past the end is fine for "runs to the end")
        // and has an end.
        let lineCount = lineEnds(in: text) + 1
        for diagnostic in diagnostics {
            guard let location = diagnostic.location else {
                problems.append("diagnostic without location: \(diagnostic)")
                continue
            }
            if location.file != path || location.line < 1 || location.line > lineCount + 1 || location.column < 1 {
                problems.append("diagnostic outside the file (\(lineCount) lines): \(diagnostic)")
            }
            // Every diagnostic has a range an editor can underline, never running backwards.
            if diagnostic.end.map({ $0.file != location.file || $0 < location }) ?? true {
                problems.append("diagnostic without a forward range (end \(diagnostic.end.map(\.description) ?? "nil")): \(diagnostic)")
            }
        }
        let ids = document.headings.map(\.id)
        if Set(ids).count != ids.count { problems.append("duplicate heading ids \(ids)") }
        if document.directives.map(\.index) != Array(document.directives.indices) { problems.append("directive indices") }
        if document.inlineRoles.map(\.index) != Array(document.inlineRoles.indices) { problems.append("role indices") }

        var rendered: [Int] = []
        let html = document.renderHTML(
            directive: {
                rendered.append($0.index); return ""
            }, role: { _ in "" })
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
    /// attributes, `javascript:`/`vbscript:` URLs, looked for in real tags only (text outside
    /// tags is escaped). A deliberately simple reader, independent of the parser's own.
    static func liveScript(in html: String) -> [String] {
        var found: [String] = []
        for tag in tags(in: html.lowercased()) {
            if ["script", "iframe", "object", "embed"].contains(tag.name) { found.append("<" + tag.name) }
            for (name, value) in tag.attributes {
                if name.count > 2, name.hasPrefix("on") { found.append("an event attribute") }
                let url = value.drop { $0.asciiValue.map { $0 <= 0x20 } ?? false }
                if ["href", "src", "action", "formaction", "xlink:href"].contains(name) {
                    for scheme in ["javascript:", "vbscript:"] where url.hasPrefix(scheme) { found.append(scheme) }
                }
            }
        }
        return found
    }

    /// The start tags in `html` (outside comments) with their attributes, quotes honoured.
    private static func tags(in html: String) -> [(name: String, attributes: [(String, String)])] {
        let c = Array(html.unicodeScalars)
        func isSpace(_ x: Unicode.Scalar) -> Bool { x == " " || x == "\n" || x == "\t" || x == "\r" || x == "\u{0C}" }
        var result: [(name: String, attributes: [(String, String)])] = []
        var i = 0
        while i < c.count {
            if c[i] == "<", i + 3 < c.count, c[i + 1] == "!", c[i + 2] == "-", c[i + 3] == "-" {
                i += 4
                while i + 2 < c.count, !(c[i] == "-" && c[i + 1] == "-" && c[i + 2] == ">") { i += 1 }
                i += 3
                continue
            }
            if c[i] == "<", i + 1 < c.count, c[i + 1] == "/" {
                // An end tag's name runs to the next space or `>`, `<` included (`</t<iframe>`).
                while i < c.count, c[i] != ">" { i += 1 }
                continue
            }
            guard c[i] == "<", i + 1 < c.count, c[i + 1].properties.isAlphabetic else {
                i += 1
                continue
            }
            var k = i + 1
            var name = ""
            while k < c.count, !isSpace(c[k]), c[k] != "/", c[k] != ">" { name.unicodeScalars.append(c[k]); k += 1 }
            var attributes: [(String, String)] = []
            while k < c.count, c[k] != ">" {
                if isSpace(c[k]) || c[k] == "/" { k += 1; continue }
                var attribute = String(c[k])
                k += 1
                while k < c.count, !isSpace(c[k]), c[k] != "/", c[k] != ">", c[k] != "=" {
                    attribute.unicodeScalars.append(c[k]); k += 1
                }
                var j = k
                while j < c.count, isSpace(c[j]) { j += 1 }
                var value = ""
                if j < c.count, c[j] == "=" {
                    k = j + 1
                    while k < c.count, isSpace(c[k]) { k += 1 }
                    if k < c.count, c[k] == "\"" || c[k] == "'" {
                        let quote = c[k]
                        k += 1
                        while k < c.count, c[k] != quote { value.unicodeScalars.append(c[k]); k += 1 }
                        k += 1
                    } else {
                        while k < c.count, !isSpace(c[k]), c[k] != ">" { value.unicodeScalars.append(c[k]); k += 1 }
                    }
                }
                attributes.append((attribute, value))
            }
            result.append((name, attributes))
            i = k + 1
        }
        return result
    }
}
