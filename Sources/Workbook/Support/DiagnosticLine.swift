import ChapterMarkdown

extension Diagnostic {
    /// One line: `file:line:col: error: message; hint`.
    public var line: String {
        var text = description
        if let hint { text += "; \(hint)" }
        for note in notes { text += " (note: \(note))" }
        text += " [\(id)]"
        return text
    }
}
