import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// The questions as an IMS QTI 2.1 content package (`labbook export --qti questions.zip`):
/// `imsmanifest.xml` (IMS Content Packaging 1.1) listing one resource per item,
/// `items/ID.xml` one `assessmentItem` per question, and `images/` the figures they show.
///
/// - A question with choices is a `choiceInteraction` (one choice, not shuffled: choices may
///   say "all of the above") whose correct response is the answer's choice.
/// - A numeric question is a `textEntryInteraction` taking a float; the correct response is the
///   value as the workbook prints it, and the item scores it with `equal` in the absolute
///   tolerance mode, the margin that the author's tolerance gives around that value.
/// - A question with a text answer is an `extendedTextInteraction` for the grader, the answer
///   in the feedback.
/// - The explanation is the item's `modalFeedback`, shown after responding; the figures the
///   explanation refers to go with it, those the prompt refers to with the prompt.
///
/// Every item sets SCORE (1 or 0) and FEEDBACK in its own response processing, so that no
/// response-processing template has to be fetched from imsglobal.org.
struct QTIPackage {
    let questions: [LMSQuestion]
    let bookTitle: String

    static let namespace = "http://www.imsglobal.org/xsd/imsqti_v2p1"
    static let schemaLocation = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"

    /// Every file of the package by its path, manifest first.
    func files() throws -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [("imsmanifest.xml", Array(manifest.utf8))]
        var images = Set<String>()
        for question in questions {
            files.append(("items/\(question.identifier).xml", Array(item(question).utf8)))
        }
        for figure in questions.flatMap({ $0.promptFigures + $0.explanationFigures }) where images.insert(figure.fileName).inserted {
            files.append(("images/\(figure.fileName)", [UInt8](try Data(contentsOf: figure.source))))
        }
        return files
    }

    /// The package as a ZIP archive.
    func zip() throws -> [UInt8] {
        var archive = ZipArchive()
        for file in try files() { try archive.add(file.name, file.bytes) }
        return try archive.bytes()
    }

    var manifest: String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="labbook-questions">
              <metadata>
                <schema>QTIv2.1 Package</schema>
                <schemaversion>1.0.0</schemaversion>
              </metadata>
              <organizations/>
              <resources>

            """
        for question in questions {
            let href = "items/\(question.identifier).xml"
            out += "    <resource identifier=\"res-\(question.identifier)\" type=\"imsqti_item_xmlv2p1\" href=\"\(href)\">\n"
            out += "      <file href=\"\(href)\"/>\n"
            for figure in LMSQuestionWriter.unique(question.promptFigures + question.explanationFigures) {
                out += "      <file href=\"images/\(XML.escape(figure.fileName))\"/>\n"
            }
            out += "    </resource>\n"
        }
        out += "  </resources>\n</manifest>\n"
        return out
    }

    func item(_ question: LMSQuestion) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessmentItem xmlns="\(Self.namespace)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="\(Self.schemaLocation)" identifier="\(question.identifier)" title="\(XML.escape(question.title))" adaptive="false" timeDependent="false">

            """
        switch question.answer {
        case .choice(let index):
            out += "  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"identifier\">\n"
            out += "    <correctResponse><value>\(Self.choiceID(index))</value></correctResponse>\n  </responseDeclaration>\n"
        case .numeric(let key):
            out += "  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"float\">\n"
            out += "    <correctResponse><value>\(XML.number(key.value))</value></correctResponse>\n  </responseDeclaration>\n"
        case .open:
            out += "  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"string\"/>\n"
        }
        out += "  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\">\n"
        out += "    <defaultValue><value>0</value></defaultValue>\n  </outcomeDeclaration>\n"
        out += "  <outcomeDeclaration identifier=\"FEEDBACK\" cardinality=\"single\" baseType=\"identifier\"/>\n"
        out += "  <itemBody>\n"
        out += Self.indented(question.promptHTML)
        out += question.promptFigures.map(Self.figureHTML).joined()
        switch question.answer {
        case .choice:
            out += "    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"false\" maxChoices=\"1\">\n"
            for (index, choice) in question.choicesHTML.enumerated() {
                out += "      <simpleChoice identifier=\"\(Self.choiceID(index))\">\(choice)</simpleChoice>\n"
            }
            out += "    </choiceInteraction>\n"
        case .numeric(let key):
            let unit = key.unit.map { " \(XML.escape($0))" } ?? ""
            out += "    <p>Your value: <textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"12\"/>\(unit)</p>\n"
        case .open:
            out += "    <extendedTextInteraction responseIdentifier=\"RESPONSE\" expectedLines=\"5\"/>\n"
        }
        out += "  </itemBody>\n"
        out += responseProcessing(question.answer)
        let feedback = feedbackHTML(question)
        if !feedback.isEmpty {
            out += "  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"EXPLANATION\" showHide=\"show\">\n"
            out += feedback
            out += "  </modalFeedback>\n"
        }
        out += "</assessmentItem>\n"
        return out
    }

    /// Scores 1 for the correct choice or a number within the margin, 0 otherwise; shows the
    /// explanation after any response.
    func responseProcessing(_ answer: LMSQuestion.Answer) -> String {
        let condition: String
        switch answer {
        case .choice:
            condition = "<match><variable identifier=\"RESPONSE\"/><correct identifier=\"RESPONSE\"/></match>"
        case .numeric(let key):
            let margin = XML.number(key.margin)
            condition =
                "<equal toleranceMode=\"absolute\" tolerance=\"\(margin) \(margin)\"><variable identifier=\"RESPONSE\"/><correct identifier=\"RESPONSE\"/></equal>"
        case .open:
            // Graded by hand: only the feedback is set.
            return """
                  <responseProcessing>
                    <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue></setOutcomeValue>
                  </responseProcessing>

                """
        }
        return """
              <responseProcessing>
                <responseCondition>
                  <responseIf>
                    \(condition)
                    <setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue>
                  </responseIf>
                  <responseElse>
                    <setOutcomeValue identifier="SCORE"><baseValue baseType="float">0</baseValue></setOutcomeValue>
                  </responseElse>
                </responseCondition>
                <setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">EXPLANATION</baseValue></setOutcomeValue>
              </responseProcessing>

            """
    }

    /// The answer in words and the explanation with its figures.
    func feedbackHTML(_ question: LMSQuestion) -> String {
        var out = ""
        switch question.answer {
        case .choice(let index):
            out += "    <p><b>Answer:</b> (\(LMSQuestionWriter.letters[index])) \(question.choicesHTML[index])</p>\n"
        case .numeric(let key):
            out += "    <p><b>Answer:</b> \(XML.escape(key.text)) (\(XML.escape(key.toleranceText)))</p>\n"
        case .open(let answer):
            if !answer.isEmpty { out += "    <p><b>Answer:</b> \(answer)</p>\n" }
        }
        if let explanation = question.explanationHTML { out += Self.indented(explanation) }
        out += question.explanationFigures.map(Self.figureHTML).joined()
        return out
    }

    static func choiceID(_ index: Int) -> String { "choice_" + LMSQuestionWriter.letters[index] }

    static func figureHTML(_ figure: LMSFigure) -> String {
        "    <div><img src=\"images/\(XML.escape(figure.fileName))\" alt=\"\(XML.escape(figure.alt))\" width=\"\(figure.width)\" height=\"\(figure.height)\"/><br/>\(XML.escape(figure.label))</div>\n"
    }

    static func indented(_ html: String) -> String {
        html.isEmpty ? "" : html.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}

/// Text and numbers in XML.
enum XML {
    /// `&`, `<`, `>` and `"` escaped: safe in text and in double-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML 1.0.
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A number as XML Schema's float and Moodle read it: shortest form, no exponent for the
    /// values of a course, rounded to 12 significant digits (0.0009000000000000001 → 0.0009).
    static func number(_ value: Double) -> String {
        let rounded = Double(String(format: "%.12g", value)) ?? value
        return javaScriptNumberString(rounded)
    }
}
