import ChapterMarkdown
import Foundation

/// A `{question}` as a learning management system receives it (`labbook export`): every text
/// already rendered — inline values filled in from the one results analysis, maths
/// pre-rendered (``PrerenderedMath``), references as words — so that ``QTIPackage`` and
/// ``MoodleXML`` only lay it out in their formats.
struct LMSQuestion: Sendable, Hashable {
    /// Unique in the export and a valid XML name: the question's ID, with `--` and the
    /// student's ID for a student's own numeric item.
    var identifier: String
    /// The question's ID (for a student's item too): the group its items belong to.
    var questionID: String
    var title: String
    /// Block HTML (paragraphs, lists) in the XHTML that QTI and Moodle both accept.
    var promptHTML: String
    /// Inline HTML, one per choice.
    var choicesHTML: [String]
    var answer: Answer
    /// The explanation (feedback after answering), block HTML; nil without one.
    var explanationHTML: String?
    /// Figures the prompt or choices refer to (shown with the question) and those the
    /// explanation refers to (shown with the feedback).
    var promptFigures: [LMSFigure]
    var explanationFigures: [LMSFigure]
    /// The student whose runs a numeric item's value comes from (`--roster`); nil for items
    /// common to all.
    var student: Roster.Student?

    enum Answer: Sendable, Hashable {
        /// Single choice: the index of the correct choice.
        case choice(Int)
        /// A number with its tolerance.
        case numeric(NumericKey)
        /// A text answer ("About 120 epochs."): an essay item graded by hand, the answer given
        /// to the grader.
        case open(answerHTML: String)
    }

    /// A numeric item's key: the value as the page prints it, read back as a number.
    struct NumericKey: Sendable, Hashable {
        /// The correct value (an accuracy in percent, as printed: 98.4).
        var value: Double
        /// The value as printed ("412", "0.018", "98.4 %").
        var text: String
        /// How far a reported value may be from `value` (absolute, in its unit).
        var margin: Double
        /// The tolerance as written ("± 5 %").
        var toleranceText: String
        /// "epochs", "%" or nil: shown after the answer field.
        var unit: String?
    }
}

/// A figure image that travels with an exported question.
struct LMSFigure: Sendable, Hashable {
    /// The file name in the package (`q1c-loss.png`), from the figure's stem.
    var fileName: String
    /// "Figure 12.3".
    var label: String
    var alt: String
    var width: Int
    var height: Int
    /// The rendered PNG in the cache.
    var source: URL
}

/// A problem found while exporting: a formula that cannot be pre-rendered, a numeric answer
/// that came out as no number.
struct LMSExportProblem: Error {
    var message: String
    var location: SourceLocation
    var hint: String?
}

/// Renders the book's questions for an LMS from one plan and its results.
struct LMSQuestionWriter {
    let plan: BookPlan
    let results: BookResults
    /// PNGs and alt texts of the figures a question may refer to, by their place's anchor.
    let figures: [String: LMSFigure]

    /// Every question of the book, in book order (instructor-only chapters included: the
    /// export is the instructor's).
    var questions: [(chapter: PlannedChapter, question: PlannedQuestion)] {
        plan.chapters.flatMap { chapter in
            chapter.blocks.compactMap { block -> (PlannedChapter, PlannedQuestion)? in
                if case .question(let q) = block { return (chapter, q) }
                return nil
            }
        }
    }

    /// The item for one question; `student` names the student whose variant `plan` is.
    func item(
        _ question: PlannedQuestion, in chapter: PlannedChapter, student: Roster.Student? = nil
    ) throws(LMSExportProblem) -> LMSQuestion {
        let spec = question.spec
        var promptRefs: [FigurePlace] = []
        var explanationRefs: [FigurePlace] = []
        let prompt = try html(question.prompt, at: spec.location, figures: &promptRefs)
        var choices: [String] = []
        for index in spec.choices.indices {
            choices.append(Self.inline(try html(question.choice(index), at: spec.location, figures: &promptRefs)))
        }
        let explanation = try question.explanation.map { snippet throws(LMSExportProblem) in
            try html(snippet, at: spec.location, figures: &explanationRefs)
        }
        let answer: LMSQuestion.Answer
        if let numeric = question.numeric {
            answer = .numeric(try key(numeric, question: spec, student: student))
        } else if let letter = spec.answer?.lowercased(), letter.count == 1,
            let index = Self.letters.firstIndex(of: letter), spec.choices.indices.contains(index)
        {
            answer = .choice(index)
        } else {
            answer = .open(answerHTML: Self.inline(try html(question.answer, at: spec.location, figures: &explanationRefs)))
        }
        var title = spec.title ?? spec.id
        if let student { title += " · \(student.name)" }
        return LMSQuestion(
            identifier: Self.identifier(spec.id, student: student), questionID: spec.id, title: title,
            promptHTML: prompt, choicesHTML: choices, answer: answer, explanationHTML: explanation,
            promptFigures: Self.unique(promptRefs.compactMap { figures[$0.anchor] }),
            explanationFigures: Self.unique(explanationRefs.compactMap { figures[$0.anchor] }).filter { figure in
                !promptRefs.contains { figures[$0.anchor] == figure }
            },
            student: student)
    }

    static let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)

    /// The question's ID (with `--` and the student's ID for a student's item), as an XML name:
    /// IDs may start with a digit (`12-gaussian-question-1`), XML names may not, so those get
    /// a `q-` in front.
    static func identifier(_ id: String, student: Roster.Student?) -> String {
        let joined = student.map { "\(id)--\($0.id)" } ?? id
        guard let first = joined.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return "q-" + joined }
        return joined
    }

    static func unique(_ figures: [LMSFigure]) -> [LMSFigure] {
        var seen = Set<String>()
        return figures.filter { seen.insert($0.fileName).inserted }
    }

    /// The numeric answer's value as the page prints it, read back as a number.
    func key(
        _ numeric: ResolvedNumeric, question: QuestionSpec, student: Roster.Student?
    ) throws(LMSExportProblem) -> LMSQuestion.NumericKey {
        let location = question.numericAnswer?.location ?? question.location
        guard let (_, spec) = plan.experiments[numeric.value.experimentID] else {
            throw LMSExportProblem(message: "the numeric answer names no experiment of this book", location: location)
        }
        var value = numeric.value
        value.plain = true
        let (text, _) = ValueText(spec: spec, results: results[spec.id]).text(value)
        let unit: String? =
            switch value.metric {
            case .epochs, .bestEpochs, .budget: "epochs"
            case .testAccuracy, .trainAccuracy, .bestAccuracy: "%"
            default: nil
            }
        let written = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "−", with: "-")
            .trimmingCharacters(in: " ")
        guard let number = Double(written), number.isFinite else {
            let whose = student.map { " for \($0.name) (\($0.id))" } ?? ""
            throw LMSExportProblem(
                message: "the answer to \(question.id) is '\(text)'\(whose); a numeric item needs a number",
                location: location, hint: "choose a value the runs give as a number (a combination that reaches the target, or a loss)")
        }
        return LMSQuestion.NumericKey(
            value: number, text: text, margin: numeric.margin(around: number), toleranceText: numeric.toleranceText, unit: unit)
    }

    /// A field's HTML for an LMS: values filled in, references as words, maths pre-rendered.
    func html(_ snippet: PlannedSnippet?, at location: SourceLocation, figures refs: inout [FigurePlace]) throws(LMSExportProblem) -> String
    {
        guard let snippet else { return "" }
        var places: [FigurePlace] = []
        let rendered = snippet.document.renderHTML(
            directive: { _ in "" },
            role: { role in
                let resolved = snippet.roles.indices.contains(role.index) ? snippet.roles[role.index] : .unresolved(role.content)
                if case .figure(let place) = resolved { places.append(place) }
                return roleText(resolved)
            })
        refs += places
        do throws(PrerenderedMath.Unsupported) {
            return try Self.prerenderingMath(rendered).trimmingCharacters(in: "\n ")
        } catch {
            throw LMSExportProblem(
                message: "cannot pre-render \(error.command) in a formula for the LMS", location: location,
                hint:
                    "write the formula with letters, digits, operators, _ and ^, Greek letters, \\frac, \\sqrt, \\text and the usual operator names"
            )
        }
    }

    /// A role as plain words: LMS items carry no links into the workbook.
    func roleText(_ resolved: ResolvedRole) -> String {
        switch resolved {
        case .value(let value):
            guard let (_, spec) = plan.experiments[value.experimentID] else { return "" }
            var shown = value
            shown.blank = nil  // the export is the instructor's: every number filled in
            return HTML.escape(ValueText(spec: spec, results: results[spec.id]).text(shown).text)
        case .figure(let place): return "Figure \(HTML.escape(place.label))"
        case .experiment(_, let id): return "experiment \(HTML.escape(id))"
        case .claim: return ""
        case .withheld: return HTML.escape(ValueBlank.line)
        case .unresolved(let text): return HTML.escape(text)
        }
    }

    /// The HTML with every `<span class="math …">` / `<div class="math display">` replaced by
    /// its pre-rendered form.
    static func prerenderingMath(_ html: String) throws(PrerenderedMath.Unsupported) -> String {
        let pattern = /<(span|div) class="math (inline|display)">(.*?)<\/(span|div)>/.dotMatchesNewlines()
        var out = ""
        var rest = html[...]
        while let match = rest.firstMatch(of: pattern) {
            out += rest[..<match.range.lowerBound]
            var tex = String(match.output.3).replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            if tex.hasPrefix("\\(") || tex.hasPrefix("\\[") { tex.removeFirst(2) }
            if tex.hasSuffix("\\)") || tex.hasSuffix("\\]") { tex.removeLast(2) }
            let math = try PrerenderedMath.html(tex)
            out += match.output.1 == "div" ? "<div>\(math)</div>" : "<span>\(math)</span>"
            rest = rest[match.range.upperBound...]
        }
        return out + rest
    }

    /// A field without its paragraph wrapper, for places that take inline content.
    static func inline(_ html: String) -> String {
        let trimmed = html.trimmingCharacters(in: "\n ")
        if trimmed.hasPrefix("<p>") && trimmed.hasSuffix("</p>") && !trimmed.dropFirst(3).contains("<p>") {
            return String(trimmed.dropFirst(3).dropLast(4))
        }
        return trimmed
    }
}
