import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 24.4: the book's questions exported to an LMS — an IMS QTI 2.1 package whose items
/// validate against the IMS schema (Fixtures/qti-schema, see its NOTICE.md), and Moodle XML
/// with every element Moodle's format documentation asks for.
@Suite("Questions exported to an LMS", .serialized)
struct LMSExportTests {
    typealias ToolResult = Labbook.Result

    static func tool(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ToolResult {
        try Labbook.process(URL(fileURLWithPath: executable), arguments, environment: environment)
    }

    static var schemaFolder: URL { FixtureBook.fixtures.appendingPathComponent("qti-schema") }

    /// xmllint against the IMS QTI 2.1 XSD, offline: the catalog maps the schema's imports
    /// (xml.xsd, XInclude, MathML 2, APIP) to the copies beside it.
    static func validate(_ file: URL) throws -> ToolResult {
        try tool(
            "/usr/bin/xmllint",
            [
                "--nonet", "--noout", "--schema", schemaFolder.appendingPathComponent("www.imsglobal.org/xsd/imsqti_v2p1.xsd").path,
                file.path,
            ],
            environment: ["XML_CATALOG_FILES": schemaFolder.appendingPathComponent("catalog.xml").path])
    }

    static func xpath(_ expression: String, _ file: URL) throws -> String {
        // xmllint ends a result with a line break.
        try tool("/usr/bin/xmllint", ["--nonet", "--xpath", expression, file.path]).output.trimmingCharacters(in: .newlines)
    }

    /// Unpacks a ZIP with Python's zipfile (a reader that is not ours), after its CRC check.
    static func unzip(_ archive: URL, into folder: URL) throws {
        let script =
            "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nbad = z.testzip()\nassert bad is None, bad\nz.extractall(sys.argv[2])\n"
        let result = try tool("/usr/bin/env", ["python3", "-c", script, archive.path, folder.path])
        #expect(result.status == 0, "\(result.error)")
    }

    /// The value the instructor's page prints as q-number's answer ("… 41 epochs … (± 5 %)").
    static func printedAnswer(_ book: FixtureBook) throws -> Int {
        try book.build()
        let page = try book.page("01-questions.html")
        let match = try #require(
            page.firstMatch(of: /<strong>Answer:<\/strong> <span[^>]*>(\d+) epochs(?:<span[^>]*>[^<]*<\/span>)?<\/span> \(± 5 %\)/))
        return try #require(Int(match.output.1))
    }

    @Test func theQTIPackageValidatesAgainstTheIMSSchemaAndCarriesTheKey() throws {
        let book = try FixtureBook("lms")
        defer { book.remove() }
        let zip = book.root.appendingPathComponent("questions.zip")
        let result = try Labbook.run(["export", "--qti", zip.path], in: book.root)
        #expect(result.status == 0, "\(result.error)")
        let folder = book.root.appendingPathComponent("unpacked")
        try Self.unzip(zip, into: folder)
        let items = ["q-choice", "q-number", "q-open"].map { folder.appendingPathComponent("items/\($0).xml") }
        for item in items {
            let validation = try Self.validate(item)
            #expect(validation.status == 0, "\(item.lastPathComponent): \(validation.error)")
            let xml = try String(contentsOf: item, encoding: .utf8)
            #expect(!xml.contains("\\(") && !xml.contains("\\frac") && !xml.contains("\\alpha"), "TeX left in \(item.lastPathComponent)")
        }
        // The schema is no rubber stamp: an item with an element QTI does not know fails.
        let broken = book.root.appendingPathComponent("broken.xml")
        try Data(try String(contentsOf: items[0], encoding: .utf8).replacingOccurrences(of: "<itemBody>", with: "<itemBody><blink/>").utf8)
            .write(to: broken)
        #expect(try Self.validate(broken).status != 0)

        // The choice item: the correct choice, maths pre-rendered, the figure with its alt text.
        let choice = try String(contentsOf: items[0], encoding: .utf8)
        #expect(choice.contains("<correctResponse><value>choice_a</value></correctResponse>"))
        #expect(choice.contains("<i>x</i><sub>1</sub><sup>2</sup>") && choice.contains("α") && choice.contains("≤"))
        #expect(choice.contains("tanh(<i>b</i> − <i>w</i>\u{2009}<i>x</i><sub>1</sub>)"))
        let image = try #require(choice.firstMatch(of: /<img src="(images\/[^"]+\.png)" alt="([^"]+)"/))
        #expect(image.output.2.contains("lms-gauss"), "alt text: \(image.output.2)")
        let png = try Data(contentsOf: folder.appendingPathComponent(String(image.output.1)))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        // The numeric item: a float answer, the value the page prints, 5 % either side.
        let printed = try Self.printedAnswer(book)
        let numeric = try String(contentsOf: items[1], encoding: .utf8)
        #expect(numeric.contains("baseType=\"float\""))
        #expect(numeric.contains("<textEntryInteraction responseIdentifier=\"RESPONSE\""))
        #expect(numeric.contains("<correctResponse><value>\(printed)</value></correctResponse>"))
        let margin = XML.number(Double(printed) * 5 / 100)
        #expect(numeric.contains("toleranceMode=\"absolute\" tolerance=\"\(margin) \(margin)\""))

        // The manifest lists every item, and every image an item shows.
        let manifest = folder.appendingPathComponent("imsmanifest.xml")
        let hrefs = try Self.xpath("//*[local-name()='resource'][@type='imsqti_item_xmlv2p1']/@href", manifest)
        for id in ["q-choice", "q-number", "q-open"] { #expect(hrefs.contains("items/\(id).xml")) }
        #expect(try Self.xpath("//*[local-name()='file']/@href", manifest).contains(String(image.output.1)))

        // Byte-deterministic: a second export writes the same bytes.
        let again = book.root.appendingPathComponent("again.zip")
        #expect(try Labbook.run(["export", "--qti", again.path], in: book.root).status == 0)
        #expect(try Data(contentsOf: zip) == Data(contentsOf: again))
    }

    @Test func moodleXMLHoldsANumericalQuestionWithItsToleranceAndTheRequiredElements() throws {
        let book = try FixtureBook("lms")
        defer { book.remove() }
        let file = book.root.appendingPathComponent("questions.xml")
        let result = try Labbook.run(["export", "--moodle", file.path], in: book.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(try Self.tool("/usr/bin/xmllint", ["--nonet", "--noout", file.path]).status == 0, "not well-formed XML")
        let printed = try Self.printedAnswer(book)
        let numerical = "//question[@type='numerical']"
        #expect(try Self.xpath("count(\(numerical))", file) == "1")
        #expect(try Self.xpath("string(\(numerical)/answer/text)", file) == String(printed))
        #expect(try Self.xpath("string(\(numerical)/answer/@fraction)", file) == "100")
        #expect(try Self.xpath("string(\(numerical)/answer/tolerance)", file) == XML.number(Double(printed) * 5 / 100))
        // Every question carries what the format documents for all types …
        for type in ["multichoice", "numerical", "essay"] {
            for element in ["name/text", "questiontext/text", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"] {
                #expect(try Self.xpath("count(//question[@type='\(type)']/\(element))", file) == "1", "\(type) lacks \(element)")
            }
            #expect(try Self.xpath("string(//question[@type='\(type)']/questiontext/@format)", file) == "html")
        }
        // … and its type's own elements.
        for element in ["single", "shuffleanswers", "answernumbering", "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"] {
            #expect(try Self.xpath("count(//question[@type='multichoice']/\(element))", file) == "1", "multichoice lacks \(element)")
        }
        #expect(try Self.xpath("count(//question[@type='multichoice']/answer[@fraction='100'])", file) == "1")
        #expect(try Self.xpath("count(//question[@type='multichoice']/answer)", file) == "2")
        for element in ["unitgradingtype", "unitpenalty", "showunits", "unitsleft"] {
            #expect(try Self.xpath("count(\(numerical)/\(element))", file) == "1", "numerical lacks \(element)")
        }
        #expect(try Self.xpath("count(//question[@type='essay']/graderinfo)", file) == "1")
        #expect(try Self.xpath("string(//question[@type='category'][1]/category/text)", file).hasPrefix("$course$/top/"))
        // The figure travels inside the question as base64, linked with @@PLUGINFILE@@.
        let embedded = try Self.xpath("string(//question[@type='multichoice']/questiontext/file)", file)
        #expect(Data(base64Encoded: embedded)?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
        #expect(try Self.xpath("string(//question[@type='multichoice']/questiontext/text)", file).contains("@@PLUGINFILE@@/"))
    }

    @Test func aRosterGivesEveryStudentANumericItemOnTheirOwnRuns() throws {
        let book = try FixtureBook("lms")
        defer { book.remove() }
        let roster = book.root.appendingPathComponent("roster.csv")
        try Data("id,name\nst1,Ada\nst2,Alan\nst3,Grace\n".utf8).write(to: roster)
        let file = book.root.appendingPathComponent("questions.xml")
        let result = try Labbook.run(["export", "--moodle", file.path, "--roster", roster.path], in: book.root)
        #expect(result.status == 0, "\(result.error)")
        #expect(try Self.xpath("count(//question[@type='numerical'])", file) == "3")
        #expect(try Self.xpath("count(//question[@type='multichoice'])", file) == "1", "choice questions stay common")
        #expect(try Self.xpath("string(//question[@type='category'][2]/category/text)", file).hasSuffix("/q-number (one per student)"))
        for (id, name) in [("st1", "Ada"), ("st2", "Alan"), ("st3", "Grace")] {
            let item = "//question[idnumber='q-number--\(id)']"
            #expect(try Self.xpath("string(\(item)/name/text)", file) == "How many epochs · \(name)")
            // The median of the student's three seeds by the book's rule: each seed's first
            // epoch with test loss ≤ 0.05, from `labbook train` with that seed.
            let base = StudentVariant(student: Roster.Student(id: id, name: name)).seed(for: "1")
            var epochs: [Int] = []
            for seed in [base, base + "-2", base + "-3"] {
                let train = try Labbook.run([
                    "train", "--dataset", "gauss", "--hidden", "", "--learning-rate", "0.001", "--epochs", "60",
                    "--until", "test-loss <= 0.05", "--seed", seed, "--format", "json",
                ])
                struct Losses: Decodable { var loss: [String: [Double]] }
                let losses = try #require(try JSONDecoder().decode(Losses.self, from: Data(train.output.utf8)).loss["test"])
                epochs.append(try #require(losses.firstIndex { $0 <= 0.05 }, "\(id) \(seed) did not reach the target"))
            }
            #expect(try Self.xpath("string(\(item)/answer/text)", file) == String(epochs.sorted()[1]), "\(id): \(epochs)")
        }
    }

    @Test func badNumericAnswersAreErrorsAtTheirLine() throws {
        let book = try FixtureBook("lms")
        defer { book.remove() }
        try book.edit("01-questions.md") { text in
            text.replacingOccurrences(
                of: "answer: {value: lms-gauss.epochs, tolerance: 5%}", with: "answer: {value: lms-gauss.epochs-range, tolerance: five}"
            )
            .replacingOccurrences(of: "answer: A vertical line.", with: "answer: {valeu: lms-gauss.epochs}")
            .replacingOccurrences(of: "answer: a\n", with: "answer: {value: lms-gauss.test-loss}\n")
        }
        let result = try Labbook.run(["check"], in: book.root)
        #expect(result.status == 1)
        func has(_ line: Int, _ id: String) -> Bool { result.reports(id, at: "Chapters/01-questions.md", line: line) }
        #expect(has(24, "labbook.settings-conflict"), "choices with a numeric answer\n\(result.error)")
        #expect(has(31, "labbook.bad-value"), "tolerance: five\n\(result.error)")
        #expect(has(37, "labbook.unknown-key"), "valeu\n\(result.error)")
        #expect(has(37, "labbook.missing-key"), "no value\n\(result.error)")
    }

    @Test func aRangeIsNoNumericAnswer() throws {
        let book = try FixtureBook("lms")
        defer { book.remove() }
        try book.edit("01-questions.md") {
            $0.replacingOccurrences(
                of: "answer: {value: lms-gauss.epochs, tolerance: 5%}", with: "answer:\n  value: lms-gauss.epochs-range\n  tolerance: 3")
        }
        let result = try Labbook.run(["check"], in: book.root)
        #expect(result.status == 1)
        #expect(result.error.contains("Chapters/01-questions.md:32:10: error: a numeric answer needs one number"), "\(result.error)")
        #expect(result.error.contains("[labbook.bad-reference]"))
    }

    @Test func noExportGoesIntoAStudentEditionOrTheOutputFolder() throws {
        let book = try FixtureBook("lms")
        defer { book.remove() }
        let student = book.root.appendingPathComponent("Student")
        try book.build(edition: .student, output: student)
        let before = try FixtureBook.tree(student)
        for target in ["Student/questions.zip", "Student/figures/questions.zip", "Output/questions.zip"] {
            let result = try Labbook.run(["export", "--qti", target], in: book.root)
            #expect(result.status == 1, "\(target) was accepted")
            #expect(result.error.contains("refusing to write an export"), "\(result.error)")
            #expect(!FileManager.default.fileExists(atPath: book.root.appendingPathComponent(target).path))
        }
        #expect(try FixtureBook.tree(student) == before)
    }

    @Test func mathIsTypesetAsTextAndUnknownCommandsAreRefused() throws {
        #expect(try PrerenderedMath.html("x_1^2") == "<i>x</i><sub>1</sub><sup>2</sup>")
        #expect(try PrerenderedMath.html("\\frac{1}{2}") == "1/2")
        #expect(try PrerenderedMath.html("\\frac{a+b}{2}") == "(<i>a</i>+<i>b</i>)/2")
        #expect(try PrerenderedMath.html("w x_1 + b = 0") == "<i>w</i> <i>x</i><sub>1</sub> + <i>b</i> = 0")
        #expect(try PrerenderedMath.html("x < \\text{1 & 2}") == "<i>x</i> &lt; 1 &amp; 2")
        #expect(throws: PrerenderedMath.Unsupported(command: "\\overbrace")) { try PrerenderedMath.html("\\overbrace{x}") }
    }

    @Test func zipEntriesCarryTheirCRCAndNoTimestampOfTheirOwn() throws {
        #expect(CRC32(Array("123456789".utf8)).value == 0xCBF4_3926)
        var split = CRC32(Array("1234".utf8))
        split.update(Array("56789".utf8))
        #expect(split.value == 0xCBF4_3926)
        var archive = ZipArchive()
        try archive.add("a/b.txt", Array("hello".utf8))
        #expect(throws: ZipArchive.Problem.duplicateName("a/b.txt")) { try archive.add("a/b.txt", []) }
        #expect(throws: ZipArchive.Problem.unsafeName("../x")) { try archive.add("../x", []) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("test.zip")
        try Data(try archive.bytes()).write(to: file)
        try Self.unzip(file, into: folder)
        #expect(try String(contentsOf: folder.appendingPathComponent("a/b.txt"), encoding: .utf8) == "hello")
    }
}
