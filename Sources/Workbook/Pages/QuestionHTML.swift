import ChapterMarkdown

/// A question on the page. In the student edition the answer and explanation are not in the
/// HTML at all; in the instructor edition they are folded, so a page can be projected in class
/// before the answer is revealed (print opens them).
struct QuestionHTML {
    let question: PlannedQuestion
    let edition: Edition
    /// Whether answers are folded (`<details>`): on screen pages, not in the printed handout.
    var folded = true
    let render: (PlannedSnippet) -> String
    /// A numeric question's answer, the value as the page prints it (``ResolvedNumeric``).
    var numericHTML: String? = nil

    var spec: QuestionSpec { question.spec }

    var html: String {
        var out = "<div class=\"lb-question\" id=\"\(spec.id)\">\n"
        if let title = spec.title { out += "<h3 class=\"lb-question-title\">\(HTML.escape(title))</h3>\n" }
        out += promptAndChoices
        if edition == .instructor { out += answerBlock(folded: folded) }
        out += "</div>\n"
        return out
    }

    var promptAndChoices: String {
        var out = question.prompt.map(render) ?? ""
        if !spec.choices.isEmpty {
            out += "<ol class=\"lb-choices\" type=\"a\">\n"
            for index in spec.choices.indices { out += "<li>\(inline(question.choice(index)))</li>\n" }
            out += "</ol>\n"
        }
        return out
    }

    /// The answer (a choice letter shows the letter and the choice) and the explanation.
    func answerBlock(folded: Bool) -> String {
        guard question.answer != nil || question.explanation != nil || question.numeric != nil else { return "" }
        var inner = ""
        if let numeric = question.numeric, let numericHTML {
            inner += "<p><strong>Answer:</strong> \(numericHTML) (\(HTML.escape(numeric.toleranceText)))</p>\n"
        }
        if let answer = spec.answer {
            let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
            var text = inline(question.answer)
            if answer.count == 1, let index = letters.firstIndex(of: answer.lowercased()), spec.choices.indices.contains(index) {
                text = "(\(letters[index])) \(inline(question.choice(index)))"
            }
            inner += "<p><strong>Answer:</strong> \(text)</p>\n"
        }
        if let explanation = question.explanation { inner += render(explanation) }
        if folded {
            return "<details class=\"lb-answer\"><summary>Answer</summary>\n\(inner)</details>\n"
        }
        return "<div class=\"lb-answer\">\n\(inner)</div>\n"
    }

    /// A field rendered without its paragraph wrapper.
    func inline(_ snippet: PlannedSnippet?) -> String {
        guard let snippet else { return "" }
        var html = render(snippet).trimmingCharacters(in: "\n ")
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }
}
