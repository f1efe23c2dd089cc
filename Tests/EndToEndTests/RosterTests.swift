import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// Issue 24: per-student variants from a roster — each student's worksheets on seeds of their
/// own, the key in the instructor's output only, and every student's pages independent of the
/// others.
@Suite("Per-student variants from a roster", .serialized)
struct RosterTests {
    static func roster(_ count: Int, extra: [String] = []) -> Data {
        var text = "\u{FEFF}id,name\r\n"
        for index in 1...count { text += "st\(index),\"Student \(index), Jr\"\r\n" }
        for line in extra { text += line + "\r\n" }
        return Data(text.utf8)
    }

    static func build(_ book: FixtureBook, roster: Data, edition: Edition, output: String) throws -> URL {
        let file = book.root.appendingPathComponent("roster-\(output).csv")
        try roster.write(to: file)
        var options = book.options
        options.edition = edition
        options.output = book.root.appendingPathComponent(output)
        options.roster = file
        options.rosterDisplayPath = "roster.csv"
        try Builder(options: options).build()
        return options.output
    }

    @Test func thirtyStudentsEachGetTheirOwnSeedsAndTheKeyStaysWithTheInstructor() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        let students = try Self.build(book, roster: Self.roster(30), edition: .student, output: "Students")
        let folders = try FileManager.default.contentsOfDirectory(atPath: students.appendingPathComponent("students").path)
        #expect(folders.count == 30)
        var seenSeeds = Set<String>()
        for index in [1, 2, 30] {
            let student = Roster.Student(id: "st\(index)", name: "Student \(index), Jr")
            let page = try book.page("01-runs.html", in: students.appendingPathComponent("students/st\(index)"))
            let seed = StudentVariant(student: student).seed(for: "1")
            #expect(page.contains("seed=\(seed)\""), "st\(index): no link with its seed \(seed)")
            #expect(page.contains("seed=\(seed)-2\"") && page.contains("seed=\(seed)-3\""))
            #expect(!page.contains("seed=1\""), "st\(index): a link to the book's own seed")
            #expect(page.contains("Student edition · Student \(index), Jr"))
            seenSeeds.insert(seed)
        }
        #expect(seenSeeds.count == 3)
        // No key in any student's output.
        let all = try FixtureBook.tree(students)
        #expect(!all.keys.contains { $0.hasSuffix("key.csv") || $0.hasSuffix("key.html") })
        #expect(!all.keys.contains { $0.hasSuffix("answers.html") })
    }

    @Test func theKeyOfThreeStudentsEqualsLabbookTrainWithTheirSeeds() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        let output = try Self.build(book, roster: Self.roster(3), edition: .instructor, output: "Output")
        let csv = try String(contentsOf: output.appendingPathComponent("key.csv"), encoding: .utf8)
        let rows = try CSVText.records(Array(csv.utf8)).dropFirst().map { try $0.fields.get().map(\.text) }
        #expect(try String(contentsOf: output.appendingPathComponent("key.html"), encoding: .utf8).contains("Student 3, Jr"))
        for index in 1...3 {
            let student = Roster.Student(id: "st\(index)", name: "")
            let base = StudentVariant(student: student).seed(for: "1")
            for seed in [base, base + "-2"] {
                let train = try Labbook.run([
                    "train", "--dataset", "gauss", "--hidden", "", "--epochs", "60", "--until", "test-loss <= 0.05",
                    "--seed", seed, "--format", "json",
                ])
                #expect(train.status == 0, "\(train.error)")
                // JSONDecoder, not JSONSerialization: only it reads every double back exactly here.
                struct Losses: Decodable { var loss: [String: [Double]] }
                let losses = try #require(try JSONDecoder().decode(Losses.self, from: Data(train.output.utf8)).loss["test"])
                let mine = rows.filter { $0[0] == "st\(index)" && $0[2] == "resets" && $0[4] == "seed \(seed)" }
                let epoch = try #require(mine.first { $0[5] == "epochs" }.flatMap { Int($0[7]) }, "st\(index) \(seed): no epoch in the key")
                let testLoss = try #require(mine.first { $0[5] == "test-loss" }.flatMap { Double($0[7]) })
                #expect(losses[epoch] == testLoss, "st\(index) \(seed): key \(testLoss), train \(losses[epoch])")
                // The first epoch whose loss the page shows at most 0.050.
                #expect(losses.firstIndex { Double(PlaygroundDisplay.loss($0))! <= 0.05 } == epoch)
            }
        }
    }

    @Test func addingAStudentChangesNoOtherStudentsPages() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        let before = try Self.build(book, roster: Self.roster(3), edition: .student, output: "Before")
        let after = try Self.build(book, roster: Self.roster(3, extra: ["zz-new,Newcomer"]), edition: .student, output: "After")
        for index in 1...3 {
            let path = "students/st\(index)"
            #expect(try FixtureBook.tree(before.appendingPathComponent(path)) == FixtureBook.tree(after.appendingPathComponent(path)))
        }
        #expect(FileManager.default.fileExists(atPath: after.appendingPathComponent("students/zz-new/index.html").path))
    }

    @Test func aVariantWhoseTargetHoldsAtEpochZeroIsReported() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        try book.edit("01-runs.md") { $0.replacingOccurrences(of: "until: test-loss <= 0.05", with: "until: test-loss <= 5") }
        let file = book.root.appendingPathComponent("roster.csv")
        try Self.roster(2).write(to: file)
        var options = book.options
        options.roster = file
        let report = try Builder(options: options).build()
        let degenerate = report.warnings.filter { $0.id == .degenerateVariant }
        #expect(degenerate.count == 2, "\(report.warnings.map(\.line))")
        #expect(degenerate.allSatisfy { $0.message.contains("meets its target at epoch 0") })
    }

    /// A roster build writes each student's site reusing the chapter bodies of the student
    /// before whose inputs are equal; every site is byte for byte the one a roster of that
    /// student alone gives.
    @Test func eachStudentsSiteEqualsTheSiteOfARosterOfThatStudentAlone() throws {
        let book = try FixtureBook("editions")
        defer { book.remove() }
        // A chapter without worksheets: the same in every student's book.
        try Data(
            "---\ntitle: Reading only\n---\n\n## A result\n\n```{experiment} plain\ndataset: gauss\nhidden: []\nepochs: 30\nshow: [loss]\n```\n\nIt ended at {number}`plain.test-loss`.\n"
                .utf8
        ).write(to: book.chapters.appendingPathComponent("03-plain.md"))
        let file = book.root.appendingPathComponent("roster.csv")
        try Self.roster(3).write(to: file)
        var options = book.options
        options.edition = .student
        options.output = book.root.appendingPathComponent("Students")
        options.roster = file
        let memory = PageMemory()
        options.pageMemory = memory
        try Builder(options: options).build()
        #expect(memory.bodyCounts.get().reused > 0, "the last student reused no chapter body of the one before")
        for index in 1...3 {
            let alone = try Self.build(
                book, roster: Data("id,name\nst\(index),\"Student \(index), Jr\"\n".utf8), edition: .student, output: "Alone\(index)")
            let folder = "students/st\(index)"
            #expect(
                try FixtureBook.tree(options.output.appendingPathComponent(folder))
                    == FixtureBook.tree(alone.appendingPathComponent(folder)),
                "st\(index)")
        }
    }

    @Test func aBadRosterIsAnErrorAtItsLine() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        let cases: [(String, String)] = [
            ("id,name\nst1,A\nst1,B\n", "roster.csv:3:1: error: student id 'st1' is also on line 2"),
            ("name\nA\n", "roster.csv:1:1: error: the roster's header needs the columns id and name"),
            ("id,name\n../x,A\n", "roster.csv:2:1: error: student id '../x' may only contain"),
            ("id,name\n,A\n", "roster.csv:2:1: error: student id '' is empty"),
            // Read as point files are: an unclosed quote or a control character is refused where it is.
            ("id,name\nst1,\"Haddad, Amira\n", "roster.csv:2:5: error: the quoted field is not closed on its line"),
            ("id,name\nst1,Amira\u{7}\n", "roster.csv:2:10: error: a control character (U+0007) in the file"),
        ]
        for (text, expected) in cases {
            let failure = try #require(throws: BuildFailure.self) {
                try Self.build(book, roster: Data(text.utf8), edition: .student, output: "Students")
            }
            #expect(
                failure.diagnostics.contains { $0.line.hasPrefix(expected) && $0.id == .badRoster }, "\(failure.diagnostics.map(\.line))")
        }
        var latin1 = Data("id,name\nst1,Jos".utf8)
        latin1.append(0xE9)
        let failure = try #require(throws: BuildFailure.self) {
            try Self.build(book, roster: latin1, edition: .student, output: "Students")
        }
        #expect(
            failure.diagnostics.contains { $0.line.hasPrefix("roster.csv:2:8: error: the roster is not UTF-8 text") },
            "\(failure.diagnostics.map(\.line))")
        #expect(!FileManager.default.fileExists(atPath: book.root.appendingPathComponent("Students").path))
    }

    /// `--pdf` with a roster prints each student's own handout into their folder, with their
    /// name on the cover and their own seeds in its links (the printed variant matches the
    /// online one).
    @Test func eachStudentsHandoutIsPrintedWithTheirNameAndSeeds() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        try Self.roster(2).write(to: book.root.appendingPathComponent("roster.csv"))
        let result = try Labbook.run(
            ["build", "--edition", "student", "--roster", "roster.csv", "--pdf", "--output", "Students"], in: book.root)
        #expect(result.status == 0, "\(result.error)")
        var covers: [String] = []
        for (id, name) in [("st1", "Student 1, Jr"), ("st2", "Student 2, Jr")] {
            let folder = book.root.appendingPathComponent("Students/students/\(id)")
            let pdf = folder.appendingPathComponent("handout.pdf")
            let cover = try HandoutPrinting.run("/usr/bin/pdftotext", ["-f", "1", "-l", "1", pdf.path, "-"])
            // The cover sets the edition line in capitals, and pdftotext may split a word at
            // its letter spacing ("LOVEL ACE").
            func squeezed(_ text: String) -> String { text.uppercased().filter { !$0.isWhitespace } }
            #expect(squeezed(cover).contains(squeezed(name)), "\(id)'s cover: \(cover)")
            covers.append(cover)
            // The printed worksheet names this student's own seeds, those of their HTML links.
            let html = try String(contentsOf: folder.appendingPathComponent("handout.html"), encoding: .utf8)
            let seeds = Set(html.matches(of: /seed=(v[0-9a-f]{6})/).map { String($0.output.1) })
            let printed = try HandoutPrinting.run("/usr/bin/pdftotext", [pdf.path, "-"])
            #expect(!seeds.isEmpty && seeds.allSatisfy { printed.contains("seed " + $0) }, "\(id): \(seeds)")
        }
        #expect(covers[0] != covers[1])
    }
}

/// Issue 24, part 3: `labbook grade` flags a planted wrong value and accepts a right one at the
/// edge of the tolerance; a bad answers file is an error at its line.
@Suite("Grading students' answers", .serialized)
struct GradingTests {
    static func key(_ book: FixtureBook, students: Int) throws -> (URL, [KeyRow]) {
        let roster = book.root.appendingPathComponent("roster.csv")
        try RosterTests.roster(students).write(to: roster)
        var options = book.options
        options.roster = roster
        options.rosterDisplayPath = "roster.csv"
        return (roster, try Builder(options: options).keyRows())
    }

    @Test func aPlantedWrongValueIsFlaggedAndOneAtTheEdgeOfTheToleranceAccepted() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        let (roster, key) = try Self.key(book, students: 2)
        #expect(!key.isEmpty)
        // Everyone answers what the Playground showed; then three answers are changed.
        var lines = [Grading.answersHeader]
        var planted = 0
        var edge = 0
        for row in key {
            var value = row.value.hasPrefix("not reached") ? "not reached" : row.value
            if row.studentID == "st1", row.quantity == .testLoss, planted == 0 {
                value = String(format: "%.3f", Double(row.value)! + 0.01)  // wrong by ten steps
                planted += 1
            } else if row.studentID == "st2", row.quantity == .testLoss, edge == 0 {
                value = String(Double(row.value)! + 0.0005)  // half a step: what still rounds to the shown value
                edge += 1
            } else if row.studentID == "st2", row.quantity == .epochs, !row.exact.isEmpty, edge == 1 {
                value = String(Int(row.exact)! + 3)  // three epochs late
                edge += 1
            }
            lines.append(
                [row.studentID, row.name, row.experiment, row.combination, row.run, row.quantity.rawValue, value].map(KeyRow.csvField)
                    .joined(separator: ","))
        }
        #expect(planted == 1 && edge == 2)
        let answers = book.root.appendingPathComponent("answers.csv")
        try Data(lines.joined(separator: "\n").utf8).write(to: answers)
        let result = try Labbook.run(
            [
                "grade", "--roster", roster.path, "--answers", answers.path, "--cache-dir", book.cache.path, "--chapters",
                book.chapters.path,
            ],
            in: book.root)
        #expect(result.status == 0, "\(result.error)")
        let perStudent = key.count / 2
        #expect(result.output.contains("st1 (Student 1, Jr): \(perStudent - 1) of \(perStudent) values agree"), "\(result.output)")
        #expect(result.output.contains("st2 (Student 2, Jr): \(perStudent) of \(perStudent) values agree"), "\(result.output)")
        #expect(result.output.contains("In all: \(key.count - 1) of \(key.count) values agree"))
    }

    @Test func aBadAnswersFileIsAnErrorAtItsLine() throws {
        let book = try FixtureBook("worksheets")
        defer { book.remove() }
        let (_, key) = try Self.key(book, students: 1)
        let row = try #require(key.first)
        let good = [row.studentID, row.name, row.experiment, row.combination, row.run, row.quantity.rawValue].map(KeyRow.csvField).joined(
            separator: ",")
        let text = [
            Grading.answersHeader,
            good + ",12",
            "nobody,X,resets,,seed 1,epochs,3",
            good.replacingOccurrences(of: ",\(row.quantity.rawValue)", with: ",loss") + ",1",
            good + ",twelve",
        ].joined(separator: "\n")
        let (grading, diagnostics) = Grading.grade(answers: text, displayPath: "answers.csv", key: key)
        #expect(grading == nil)
        let lines = diagnostics.map(\.line)
        #expect(lines.contains { $0.hasPrefix("answers.csv:3:1: error: unknown student 'nobody'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("answers.csv:4:1: error: unknown quantity 'loss'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("answers.csv:5:1: error: 'twelve' is not a number") }, "\(lines)")
        #expect(diagnostics.allSatisfy { $0.id == .badAnswers })
        #expect(diagnostics.count == 3)
    }
}
