import ChapterMarkdown

/// A question on the page. In the student edition the answer and explanation are not in the
/// HTML at all.
struct QuestionHTML {
    let spec: QuestionSpec
    let edition: Edition
    let renderSnippet: (String) -> String

    static func answerText(_ spec: QuestionSpec, _ answer: String) -> String {
        // A one-letter answer names a choice: show the letter and the choice.
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        if answer.count == 1, let index = letters.firstIndex(of: answer.lowercased()), spec.choices.indices.contains(index) {
            return "(\(letters[index])) \(spec.choices[index])"
        }
        return answer
    }

    var html: String {
        var out = "<div class=\"lb-question\" id=\"\(HTML.escape(spec.id))\">\n"
        if let title = spec.title { out += "<p class=\"lb-question-title\"><strong>\(HTML.escape(title))</strong></p>\n" }
        out += renderSnippet(spec.prompt)
        if !spec.choices.isEmpty {
            out += "<ol class=\"lb-choices\" type=\"a\">\n"
            for choice in spec.choices { out += "<li>\(inline(choice))</li>\n" }
            out += "</ol>\n"
        }
        if edition == .instructor, spec.answer != nil || spec.explanation != nil {
            out += "<div class=\"lb-answer\">\n"
            if let answer = spec.answer { out += renderSnippet("**Answer:** " + Self.answerText(spec, answer)) }
            if let explanation = spec.explanation { out += renderSnippet(explanation) }
            out += "</div>\n"
        }
        out += "</div>\n"
        return out
    }

    /// A choice rendered as Markdown without its paragraph wrapper.
    func inline(_ text: String) -> String {
        var html = renderSnippet(text).trimmingCharacters(in: "\n ")
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }
}
