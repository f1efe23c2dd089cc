import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// The student edition asks instead of tells: worksheet experiments show their setup and a blank
/// table, and no number from their runs appears anywhere in the student pages or handout; the
/// numbers of `results` experiments stay. Built from `Fixtures/editions` in both editions.
@Suite(.serialized) struct EditionsTests {
    /// Worksheets of the fixture and why: the question's section, a question's `{ref}`, a
    /// `student: worksheet` comparison, and the experiments that comparison compares.
    static let worksheets = ["ws-section", "ws-referred", "c-both", "c-none", "c-one"]
    static let resultExperiments = ["shown", "free"]

    struct Built {
        let book: FixtureBook
        var instructor: URL { book.root.appendingPathComponent("Instructor") }
        var student: URL { book.root.appendingPathComponent("Student") }
        func page(_ name: String, _ folder: URL) throws -> String { try book.page(name, in: folder) }
    }

    static func build() throws -> Built {
        let book = try FixtureBook("editions")
        let built = Built(book: book)
        try book.build(edition: .instructor, output: built.instructor)
        try book.build(edition: .student, output: built.student)
        return built
    }

    @Test func worksheetNumbersAppearNowhereInTheStudentEdition() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let pages = ["01-worksheets.html", "02-compare.html"]
        let instructor = try pages.map { try built.page($0, built.instructor) }.joined()
        let student = try pages.map { try built.page($0, built.student) }.joined()
        let handout = try built.page("handout.html", built.student)
        // A number a results experiment also shows (100.0 % accuracy, say) may appear.
        let shared = Self.resultExperiments.compactMap { WorksheetLeaks.block($0, in: instructor) }.map {
            WorksheetLeaks.resultNumbers(inTableOf: $0)
        }.reduce(Set(), { $0.union($1) })
        for id in Self.worksheets {
            let taught = try #require(WorksheetLeaks.block(id, in: instructor), "instructor edition lacks \(id)")
            let key = try #require(WorksheetLeaks.keyTable(in: taught), "\(id): the instructor edition has no worksheet key")
            let numbers = WorksheetLeaks.resultNumbers(inTableOf: taught).union(WorksheetLeaks.resultNumbers(inTable: key)).subtracting(
                shared)
            #expect(!numbers.isEmpty, "\(id): the instructor table has no numbers to compare with")
            for number in numbers {
                #expect(!WorksheetLeaks.contains(number, in: student), "student pages show \(number) from \(id)")
                #expect(!WorksheetLeaks.contains(number, in: handout), "student handout shows \(number) from \(id)")
            }
            let asked = try #require(WorksheetLeaks.block(id, in: student), "student edition lacks \(id)")
            #expect(asked.contains("lb-worksheet") && asked.contains("lb-blank-table"), "\(id) is no worksheet")
            // The sheet has the key's rows (one per run) and columns, blank.
            #expect(
                asked.count(of: "<th scope=\"row\">") == key.count(of: "<th scope=\"row\">"),
                "\(id): the sheet's rows differ from the key's")
            #expect(asked.count(of: "lb-blank-cell") == key.count(of: "<td class=\"num\">"), "\(id): blank table differs in size")
            #expect(key.count(of: "<th scope=\"row\">") > 0)
            #expect(
                !asked.contains("-loss.") && !asked.contains("-boundary.") && !asked.contains("-network."), "\(id) shows a result figure")
        }
        // The worksheet's data figure stays, and its caption and alt text carry no result.
        let section = try #require(WorksheetLeaks.block("ws-section", in: student))
        #expect(section.contains("figures/ws-section-data.png"))
        #expect(handout.contains("figures/ws-section-data.svg") && handout.contains("lb-blank-table"))
    }

    /// Issue 22, 4(d): every number of every worksheet's results and key is absent from the
    /// whole student Output — pages, search index, downloads, alt texts, the printed handout.
    @Test func noWorksheetNumberAnywhereInTheStudentOutputOrItsPDF() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let browser = try #require(HandoutPrinting.findBrowser(), "headless Chromium is needed (apt-get install chromium)")
        _ = try HandoutPrinting(output: built.student, browser: browser).print()
        let numbers = try WorksheetLeaks.worksheetNumbers(
            pages: ["01-worksheets.html", "02-compare.html"], instructor: built.instructor, worksheets: Self.worksheets,
            results: Self.resultExperiments)
        #expect(numbers.count > 5)
        let leaks = try WorksheetLeaks.leaks(of: numbers, in: built.student, instructor: built.instructor, worksheets: Self.worksheets)
        #expect(leaks.isEmpty, "\(leaks)")
    }

    @Test func resultsExperimentsKeepTheirNumbers() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        for (page, id) in [("01-worksheets.html", "shown"), ("02-compare.html", "free")] {
            let taught = try #require(WorksheetLeaks.block(id, in: try built.page(page, built.instructor)))
            let shown = try #require(WorksheetLeaks.block(id, in: try built.page(page, built.student)))
            #expect(
                WorksheetLeaks.table(in: taught) != nil && WorksheetLeaks.table(in: taught) == WorksheetLeaks.table(in: shown),
                "\(id): tables differ")
            for number in WorksheetLeaks.resultNumbers(inTableOf: taught) {
                #expect(
                    WorksheetLeaks.contains(number, in: try built.page("handout.html", built.student)),
                    "\(id): \(number) missing from the handout")
            }
        }
    }

    @Test func inlineValuesOfWorksheetsAreBlanksAndOthersStay() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let student = try built.page("01-worksheets.html", built.student)
        let instructor = try built.page("01-worksheets.html", built.instructor)
        #expect(student.contains(">____ epochs</span>"))  // {value}`ws-section.epochs`
        #expect(student.contains(">____ %</span>"))  // {value}`ws-section.test-accuracy`
        // The setup is not a result: the epoch budget and seed count stay.
        #expect(student.contains("title=\"from experiment ws-section\">60</span>"))
        #expect(student.contains("title=\"from experiment ws-section\">3</span>"))
        // A results experiment's value is the instructor's.
        let shownValue = try #require(Self.value(of: "shown", in: instructor))
        #expect(Self.value(of: "shown", in: student) == shownValue)
        #expect(!student.contains("lb-answer") && !student.contains("About "))
    }

    @Test func anInstructorOnlyExperimentNamedFromProseBuildsInBothEditions() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let instructor = try built.page("01-worksheets.html", built.instructor)
        let student = try built.page("01-worksheets.html", built.student)
        #expect(instructor.contains("id=\"hidden-run\"") && instructor.contains("title=\"from experiment hidden-run\""))
        #expect(!student.contains("hidden-run"))
        let sentence = try #require(student.range(of: "Prose names the instructor"))
        let rest = String(student[sentence.upperBound...].prefix(400))
        #expect(rest.count(of: "class=\"lb-blank\"") == 2, "the value and the reference are blanks: \(rest)")
    }

    @Test func bookSettingsReachThePagesAndTheCover() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let index = try built.page("index.html", built.instructor)
        #expect(index.contains("<title>Editions test book</title>") || index.contains("Editions test book"))
        #expect(index.contains("Worksheets and results side by side") && index.contains("Ada Lovelace, Alan Turing"))
        #expect(!index.contains("Neural networks in the Playground"))
        let handout = try built.page("handout.html", built.student)
        #expect(handout.contains("Test course 101") && handout.contains("Student edition"))
        #expect(handout.contains("class=\"lb-handout-contents\""))
        // defaults: seeds 3 and epochs 60 apply to every experiment that does not set them.
        #expect(try built.page("02-compare.html", built.instructor).contains("3 seeds (1, 2, 3) per row"))
    }

    // MARK: - Helpers

    static func value(of id: String, in page: String) -> String? {
        guard let start = page.range(of: "title=\"from experiment \(id)\">"),
            let end = page[start.upperBound...].range(of: "</span>")
        else { return nil }
        return String(page[start.upperBound..<end.lowerBound])
    }
}
