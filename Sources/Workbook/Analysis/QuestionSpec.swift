import ChapterMarkdown

/// A `{question}` directive: a prompt for students, optional choices, and the answer with
/// its explanation — which only the instructor edition contains.
public struct QuestionSpec: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    public var prompt: String
    public var choices: [String] = []
    /// The answer: a choice letter (`b`) or text. Markdown with inline values allowed.
    public var answer: String?
    /// Markdown with inline values allowed, e.g. {value}`q3[activation=relu].epochs`.
    public var explanation: String?
    public var title: String?
    /// `answer: {value: q3[activation=relu].epochs, tolerance: 5%}`: a numeric question, whose
    /// answer is a value from the runs with how far a reported number may be from it.
    public var numericAnswer: NumericAnswer?
    /// Every Markdown text of the question with where its value starts, so inline values in
    /// them are checked like those in prose.
    public var markdownFields: [MarkdownField] = []

    public struct MarkdownField: Sendable, Hashable {
        public var part: Part
        public var text: String
        public var location: SourceLocation
    }

    /// Which part of the question a Markdown field is.
    public enum Part: Sendable, Hashable {
        case prompt, answer, explanation
        case choice(Int)
    }
}

extension DirectiveAnalyzer {
    static let questionKeys = ["prompt", "choices", "answer", "explanation", "title"]

    mutating func question(_ directive: Directive, defaultID: String) -> QuestionSpec? {
        let before = diagnostics.errorCount
        guard let id = directiveID(directive, required: false, example: "```{question} q-xor", defaultID: defaultID)
        else { return nil }
        var spec = QuestionSpec(id: id, location: directive.location, prompt: "")
        for entry in directive.body.entries {
            switch entry.key {
            case "prompt":
                spec.prompt = text(entry.value, key: "prompt") ?? ""
                spec.markdownFields.append(.init(part: .prompt, text: spec.prompt, location: entry.value.location))
            case "title": spec.title = text(entry.value, key: "title")
            case "answer":
                if let mapping = entry.value.mapping {
                    spec.numericAnswer = numericAnswer(mapping)
                } else {
                    spec.answer = text(entry.value, key: "answer")
                    spec.markdownFields.append(.init(part: .answer, text: spec.answer ?? "", location: entry.value.location))
                }
            case "explanation":
                spec.explanation = text(entry.value, key: "explanation")
                spec.markdownFields.append(
                    .init(part: .explanation, text: spec.explanation ?? "", location: entry.value.location))
            case "choices":
                if let items = entry.value.sequence {
                    spec.choices = items.compactMap { text($0, key: "choices") }
                    spec.markdownFields += zip(spec.choices, items).enumerated().map {
                        .init(part: .choice($0.offset), text: $0.element.0, location: $0.element.1.location)
                    }
                } else {
                    diagnostics.error("choices takes a list of answers", at: entry.value.location, id: .wrongType)
                }
            default: unknownKey(entry, directive: "question", valid: Self.questionKeys)
            }
        }
        if let numeric = spec.numericAnswer, !spec.choices.isEmpty {
            diagnostics.error(
                "a numeric answer ({value: …, tolerance: …}) and choices do not go together", at: numeric.location,
                hint: "valid: choices with a letter as the answer, or a numeric answer without choices", id: .settingsConflict)
        }
        if spec.prompt.isEmpty {
            diagnostics.error("a question needs a prompt: key", at: directive.location, id: .missingKey)
        }
        return diagnostics.errorCount == before ? spec : nil
    }
}
