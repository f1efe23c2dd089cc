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
        if again.document != document || again.diagnostics != diagnostics { problems.append("parse is not deterministic") }

        // Every diagnostic points into the file (a line past the end is fine for "runs to the end").
        let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }).count
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

    /// Script that would run in the rendered page: script-like elements, event handler
    /// attributes, `javascript:`/`vbscript:` URLs. A deliberately simple, independent check.
    static func liveScript(in html: String) -> [String] {
        let lower = html.lowercased()
        var found: [String] = []
        for element in ["<script", "<iframe", "<object", "<embed"] where lower.contains(element) {
            found.append(element)
        }
        for scheme in ["javascript:", "vbscript:"] where lower.contains("=\"\(scheme)") || lower.contains("='\(scheme)") {
            found.append(scheme)
        }
        // An event attribute: whitespace, `on`, letters, `=` inside a tag.
        var insideTag = false
        let scalars = Array(lower.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "<" { insideTag = true } else if c == ">" { insideTag = false }
            if insideTag, c == " " || c == "\n" || c == "\t" || c == "/", i + 3 < scalars.count,
                scalars[i + 1] == "o", scalars[i + 2] == "n"
            {
                var j = i + 3
                while j < scalars.count, ("a"..."z").contains(scalars[j]) { j += 1 }
                while j < scalars.count, scalars[j] == " " { j += 1 }
                if j > i + 3, j < scalars.count, scalars[j] == "=" {
                    found.append("an event attribute")
                    break
                }
            }
            i += 1
        }
        return found
    }
}
