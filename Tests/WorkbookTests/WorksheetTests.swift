import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// Issue 22: a worksheet a student can do — a row per run that opens in the Playground (a QR
/// code on paper), only what the Playground shows unless the author asks for more, and no
/// results elsewhere that give the answers away.
@Suite("Worksheets a student can do", .serialized)
struct WorksheetTests {
    struct Built {
        let book: FixtureBook
        var student: URL { book.root.appendingPathComponent("Student") }
        func page(_ edition: URL? = nil) throws -> String { try book.page("01-runs.html", in: edition) }
    }

    static func build() throws -> Built {
        let book = try FixtureBook("worksheets")
        try book.build(edition: .instructor)
        try book.build(edition: .student, output: book.root.appendingPathComponent("Student"))
        return Built(book: book)
    }

    static func rows(of id: String, in page: String) throws -> [String] {
        let block = try #require(WorksheetLeaks.block(id, in: page))
        let table = try #require(block.range(of: "lb-worksheet-table").map { String(block[$0.lowerBound...]) })
        let body = table.components(separatedBy: "</table>")[0]
        return body.components(separatedBy: "<tr>").dropFirst(2).map { $0.components(separatedBy: "</tr>")[0] }
    }

    @Test func threeSeedsAndTwoResetsAreNineRowsEachOpeningItsRun() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let rows = try Self.rows(of: "resets", in: try built.page(built.student))
        #expect(rows.count == 9)
        for (index, row) in rows.enumerated() {
            let seed = index / 3 + 1
            let reset = index % 3
            if reset == 0 {
                #expect(row.contains("<th scope=\"row\">seed \(seed)</th>"), "\(row)")
                #expect(row.contains("seed=\(seed)\""), "row \(index) has no link to seed \(seed)")
                #expect(row.contains("<svg class=\"lb-qr\""), "row \(index) has no QR code")
            } else {
                #expect(row.contains("<th scope=\"row\">seed \(seed), reset \(reset)</th>"), "\(row)")
                #expect(
                    row.contains("the link of seed \(seed), then press ↻ \(reset == 1 ? "once" : "twice")")
                        || row.contains("the link of seed \(seed), then press ↻ \(reset) times"), "\(row)")
                #expect(!row.contains("<svg"), "a reset row repeats its seed's code")
            }
            #expect(row.count(of: "lb-blank-cell") == 3, "epoch, training loss, test loss")
        }
    }

    @Test func aBlankTableAsksForAccuracyOnlyWhenRecordDoes() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let student = try built.page(built.student)
        let resetsBlock = try #require(WorksheetLeaks.block("resets", in: student))
        let resets = try #require(WorksheetLeaks.table(in: resetsBlock))
        #expect(resets.contains("Test loss shown then") && !resets.lowercased().contains("accuracy"))
        let accuracy = try #require(WorksheetLeaks.block("accuracy", in: student))
        #expect(accuracy.contains("Test accuracy at epoch 40*"))
        #expect(accuracy.contains("The Playground does not show accuracy"))
        // worksheet-runs: 2 of 4 seeds for the student; the instructor's key keeps all four.
        #expect(try Self.rows(of: "accuracy", in: student).count == 2)
        #expect(try Self.rows(of: "accuracy", in: try built.page()).count == 4)
    }

    @Test func theKeyIsWhatThePlaygroundShowsForEachRun() throws {
        let built = try Self.build()
        defer { built.book.remove() }
        let rows = try Self.rows(of: "resets", in: try built.page())
        #expect(rows.count == 9)
        let store = RunStore(cache: BuildCache(root: built.book.cache))
        let plan = Builder(options: built.book.options).check()
        let spec = try #require(plan.experiments["resets"]?.spec)
        for (row, job) in zip(rows, spec.combinations[0].jobs) {
            let run = try store.result(job)
            // The first epoch whose loss, shown with three decimals, meets the rule.
            let epoch = try #require(run.testLoss.firstIndex { Double(PlaygroundDisplay.loss($0))! <= 0.05 })
            #expect(row.contains("<td class=\"num\">\(epoch)</td>"), "\(job.identity): \(row)")
            #expect(row.contains("<td class=\"num\">\(PlaygroundDisplay.loss(run.testLoss[epoch]))</td>"))
            #expect(row.contains("<td class=\"num\">\(PlaygroundDisplay.loss(run.trainLoss[epoch]))</td>"))
        }
    }

    @Test func resultsThatShareAWorksheetsRunsFailEveryBuildNamingBoth() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        try book.edit("01-runs.md") {
            $0 + """

                ## Results

                ```{experiment} same-runs
                dataset: gauss
                hidden: []
                epochs: 60
                until: test-loss <= 0.05
                seed: 2
                student: results
                ```

                """
        }
        let text = try String(contentsOf: book.chapters.appendingPathComponent("01-runs.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let resultsLine = try #require(lines.firstIndex(of: "```{experiment} same-runs")) + 1
        let worksheetLine = try #require(lines.firstIndex(of: "```{experiment} resets")) + 1
        for edition in [Edition.instructor, .student] {
            let failure = try #require(throws: BuildFailure.self) { try book.build(edition: edition) }
            let leak = try #require(failure.diagnostics.first { $0.id == .worksheetLeak })
            #expect(
                leak.line.hasPrefix(
                    "Chapters/01-runs.md:\(resultsLine):1: error: experiment 'same-runs' shows results of 1 run of worksheet 'resets'"),
                "\(leak.line)")
            #expect(leak.line.contains("the worksheet is at Chapters/01-runs.md:\(worksheetLine):1"), "\(leak.line)")
        }
    }

    @Test func theStudentPDFsCodesDecodeToExactlyTheLinksOfTheHTML() throws {
        let browser = try #require(HandoutPrinting.findBrowser(), "headless Chromium is needed (apt-get install chromium)")
        let built = try Self.build()
        defer { built.book.remove() }
        let html = try built.page(built.student)
        let links = Set(
            html.matches(of: /href="(https:\/\/playground\.tensorflow\.org\/#[^"]*)"/).map {
                String($0.output.1).replacingOccurrences(of: "&amp;", with: "&")
            })
        #expect(links.count == 3 + 2)  // the resets sheet's 3 seeds, the accuracy sheet's 2
        _ = try HandoutPrinting(output: built.student, browser: browser).print()
        let pdf = built.student.appendingPathComponent("handout.pdf")
        let pages = built.book.root.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        _ = try shell("/usr/bin/pdftoppm", ["-r", "150", "-png", pdf.path, pages.appendingPathComponent("p").path])
        var decoded = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted() {
            let output = try shell(
                "/usr/bin/zbarimg", ["-q", "--raw", "-Sdisable", "-Sqrcode.enable", pages.appendingPathComponent(name).path])
            decoded.formUnion(output.split(separator: "\n").map(String.init))
        }
        #expect(decoded == links)
    }

    /// The lab plan names each worksheet as its page does: its title, else its caption; its
    /// ID only when it has neither.
    @Test func theLabPlanNamesAnUntitledWorksheetByItsCaption() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        try book.edit("01-runs.md") {
            $0.replacingOccurrences(of: "resets: 2\n", with: "resets: 2\ncaption: Gaussian runs, each reset twice\n")
        }
        let student = book.root.appendingPathComponent("Student")
        try book.build(edition: .student, output: student)
        let plan = try HTMLDocument.parse(student.appendingPathComponent("index.html")).all("a").map(\.text)
        #expect(plan.contains("Chapter 1: Gaussian runs, each reset twice"), "\(plan)")
        #expect(plan.contains("Chapter 1: accuracy"), "\(plan)")
    }
}
