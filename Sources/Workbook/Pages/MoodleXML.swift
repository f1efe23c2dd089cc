import Foundation

/// The questions as Moodle XML (`labbook export --moodle questions.xml`), the format Moodle's
/// question bank imports (docs.moodle.org, "Moodle XML format").
///
/// Every question carries the elements the format documents for all types — `name`,
/// `questiontext` (HTML, in CDATA), `generalfeedback` (the explanation), `defaultgrade`,
/// `penalty`, `hidden`, `idnumber` — and those of its type:
/// - choices: `multichoice` with `single`, `shuffleanswers` (off: choices may refer to one
///   another), `answernumbering` (abc, as the workbook letters them), the three combined
///   feedbacks, and one `answer` per choice with `fraction` 100 for the correct one, 0 otherwise;
/// - a numeric answer: `numerical` with one `answer` (fraction 100, the value as the workbook
///   prints it) and its `tolerance` (Moodle's numerical tolerance is absolute: the margin the
///   author's tolerance gives around the value), and the unit elements (`unitgradingtype` 0:
///   units are not graded; `showunits` 3: no unit field, the unit is in the question text);
/// - a text answer: `essay` with the answer as `graderinfo`.
///
/// Figures are embedded as `<file encoding="base64">` in the text that shows them and linked
/// as `@@PLUGINFILE@@/name.png`. The file starts with a category question, so an import puts
/// the questions in a category named after the book; with `--roster`, each numeric question's
/// items (one per student) go into a subcategory of their own, named after the question.
struct MoodleXML {
    let questions: [LMSQuestion]
    let bookTitle: String

    func document() throws -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        let bookCategory = "$course$/top/" + Self.categoryName(bookTitle)
        out += category(bookCategory)
        var current = bookCategory
        for question in questions {
            let wanted =
                question.student == nil ? bookCategory : bookCategory + "/" + Self.categoryName(question.questionID + " (one per student)")
            if wanted != current {
                out += category(wanted)
                current = wanted
            }
            out += try self.question(question)
        }
        out += "</quiz>\n"
        return out
    }

    /// `/` separates categories in a path: a title's own slashes are doubled, as Moodle's
    /// exporter writes them.
    static func categoryName(_ text: String) -> String {
        text.replacingOccurrences(of: "/", with: "//")
    }

    func category(_ path: String) -> String {
        """
          <question type="category">
            <category><text>\(XML.escape(path))</text></category>
            <info format="html"><text></text></info>
          </question>

        """
    }

    func question(_ question: LMSQuestion) throws -> String {
        let type: String =
            switch question.answer {
            case .choice: "multichoice"
            case .numeric: "numerical"
            case .open: "essay"
            }
        var prompt = Self.pluginFiles(question.promptHTML + question.promptFigures.map(Self.figureHTML).joined())
        if case .numeric(let key) = question.answer, let unit = key.unit {
            prompt += "<p>Give the value in \(unit == "%" ? "percent" : unit).</p>"
        }
        var out = "  <question type=\"\(type)\">\n"
        out += "    <name><text>\(XML.escape(question.title))</text></name>\n"
        out += "    <questiontext format=\"html\">\n      <text>\(Self.cdata(prompt))</text>\n"
        out += try files(question.promptFigures)
        out += "    </questiontext>\n"
        var feedback = ""
        if case .choice(let index) = question.answer {
            feedback += "<p><b>Answer:</b> (\(LMSQuestionWriter.letters[index])) \(question.choicesHTML[index])</p>"
        }
        if case .numeric(let key) = question.answer {
            feedback += "<p><b>Answer:</b> \(XML.escape(key.text)) (\(XML.escape(key.toleranceText)))</p>"
        }
        feedback += Self.pluginFiles((question.explanationHTML ?? "") + question.explanationFigures.map(Self.figureHTML).joined())
        out += "    <generalfeedback format=\"html\">\n      <text>\(Self.cdata(feedback))</text>\n"
        out += try files(question.explanationFigures)
        out += "    </generalfeedback>\n"
        out += "    <defaultgrade>1</defaultgrade>\n"
        out += "    <penalty>\(question.answer.isOpen ? "0" : "0.3333333")</penalty>\n"
        out += "    <hidden>0</hidden>\n"
        out += "    <idnumber>\(XML.escape(question.identifier))</idnumber>\n"
        switch question.answer {
        case .choice(let correct):
            out += """
                    <single>true</single>
                    <shuffleanswers>false</shuffleanswers>
                    <answernumbering>abc</answernumbering>
                    <showstandardinstruction>0</showstandardinstruction>
                    <correctfeedback format="html"><text>Your answer is correct.</text></correctfeedback>
                    <partiallycorrectfeedback format="html"><text>Your answer is partially correct.</text></partiallycorrectfeedback>
                    <incorrectfeedback format="html"><text>Your answer is incorrect.</text></incorrectfeedback>
                    <shownumcorrect/>

                """
            for (index, choice) in question.choicesHTML.enumerated() {
                out += "    <answer fraction=\"\(index == correct ? 100 : 0)\" format=\"html\">\n"
                out += "      <text>\(Self.cdata(choice))</text>\n"
                out += "      <feedback format=\"html\"><text></text></feedback>\n    </answer>\n"
            }
        case .numeric(let key):
            out += "    <answer fraction=\"100\" format=\"moodle_auto_format\">\n"
            out += "      <text>\(XML.number(key.value))</text>\n"
            out += "      <feedback format=\"html\"><text></text></feedback>\n"
            out += "      <tolerance>\(XML.number(key.margin))</tolerance>\n    </answer>\n"
            out += """
                    <unitgradingtype>0</unitgradingtype>
                    <unitpenalty>0.1000000</unitpenalty>
                    <showunits>3</showunits>
                    <unitsleft>0</unitsleft>

                """
        case .open(let answer):
            out += """
                    <responseformat>editor</responseformat>
                    <responserequired>1</responserequired>
                    <responsefieldlines>5</responsefieldlines>
                    <attachments>0</attachments>
                    <attachmentsrequired>0</attachmentsrequired>
                    <graderinfo format="html"><text>\(Self.cdata(answer.isEmpty ? "" : "<p><b>Answer:</b> \(answer)</p>"))</text></graderinfo>
                    <responsetemplate format="html"><text></text></responsetemplate>

                """
        }
        out += "  </question>\n"
        return out
    }

    /// Figures embedded in the text that shows them.
    func files(_ figures: [LMSFigure]) throws -> String {
        var out = ""
        for figure in figures {
            let data = try Data(contentsOf: figure.source)
            out +=
                "      <file name=\"\(XML.escape(figure.fileName))\" path=\"/\" encoding=\"base64\">\(data.base64EncodedString())</file>\n"
        }
        return out
    }

    static func figureHTML(_ figure: LMSFigure) -> String {
        "<div><img src=\"images/\(XML.escape(figure.fileName))\" alt=\"\(XML.escape(figure.alt))\" width=\"\(figure.width)\" height=\"\(figure.height)\"/><br/>\(XML.escape(figure.label))</div>"
    }

    /// Image sources pointing at the question's own files, as Moodle stores them.
    static func pluginFiles(_ html: String) -> String {
        html.replacingOccurrences(of: "src=\"images/", with: "src=\"@@PLUGINFILE@@/")
    }

    /// HTML in a CDATA section; a `]]>` inside is split across two sections.
    static func cdata(_ html: String) -> String {
        html.isEmpty ? "" : "<![CDATA[" + html.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }
}

extension LMSQuestion.Answer {
    var isOpen: Bool {
        if case .open = self { return true }
        return false
    }
}
