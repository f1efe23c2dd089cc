import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// `{check}` claims: evaluated after training against the one results analysis; a false one
/// fails the build at its file:line:col with each side's value and leaves Output/ as it was.
@Suite("Claims the build checks", .serialized)
struct ClaimTests {
    static let chapter = "01-claims.md"

    /// `Chapters/01-claims.md:LINE:COL` of the first `{check}` on the line containing `marker`.
    static func location(of marker: String, in book: FixtureBook) throws -> String {
        let text = try String(contentsOf: book.chapters.appendingPathComponent(chapter), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(marker) })
        let column = try #require(lines[index].range(of: "{check}")).lowerBound
        return "Chapters/\(chapter):\(index + 1):\(lines[index].distance(from: lines[index].startIndex, to: column) + 1)"
    }

    @Test func trueClaimsBuildAndPrintNothing() throws {
        let book = try FixtureBook("claims")
        defer { book.remove() }
        let report = try book.build()
        #expect(!report.warnings.contains { $0.id == .claim })
        let page = try book.page("01-claims.html")
        #expect(!page.contains("fast.seeds"))
        #expect(!page.contains("{check}"))
        #expect(page.contains("Three seeds of two hundred epochs, and every final"))
        // The student edition evaluates the claim over the worksheet's values and prints nothing.
        let student = book.root.appendingPathComponent("Student")
        try book.build(edition: .student, output: student)
        let studentPage = try book.page("01-claims.html", in: student)
        #expect(!studentPage.contains("sheet.test-loss-range"))
        #expect(studentPage.contains("end below a test loss of one."))
    }

    @Test func aFalseClaimFailsWithBothValuesAndLeavesOutputAsItWas() throws {
        let book = try FixtureBook("claims")
        defer { book.remove() }
        try book.build()
        let before = try FixtureBook.tree(book.output)
        try book.edit(Self.chapter) {
            $0.replacingOccurrences(
                of: "test loss is a loss{check}`fast.test-loss-range >= 0 or fast.epochs > 100000`",
                with: "test loss is a loss{check}`fast.budget < 100 and fast.seeds = 3`")
        }
        let where_ = try Self.location(of: "test loss is a loss", in: book)
        let failure = try #require(throws: BuildFailure.self) { try book.build() }
        #expect(failure.diagnostics.count == 1)
        #expect(failure.diagnostics.has(.claim, at: where_))
        let line = failure.diagnostics[0].line
        #expect(line.contains("\(where_): error: claim does not hold: fast.budget (200) < 100 and fast.seeds (3) = 3"), "\(line)")
        #expect(line.hasSuffix("[labbook.claim]"))
        #expect(try FixtureBook.tree(book.output) == before)
    }

    @Test func claimsCompareRangesNotReachedAndWinners() {
        func side(_ text: String) -> ClaimCheck.Side { ClaimCheck.parse(text, isSetting: false) }
        // Not reached is larger than any number.
        #expect(ClaimCheck.compare(side("not reached"), .greater, side("100000")))
        #expect(!ClaimCheck.compare(side("not reached"), .less, side("3000")))
        // A range holds a claim when every value in it does.
        #expect(ClaimCheck.compare(side("96–377"), .less, side("400")))
        #expect(!ClaimCheck.compare(side("96–377"), .less, side("300")))
        #expect(ClaimCheck.compare(side("0.020"), .equal, side("0.02")))
        #expect(ClaimCheck.compare(side("97.6 %"), .greater, side("97.5")))
        #expect(ClaimCheck.compare(side("−0.53"), .less, side("0")))
        #expect(ClaimCheck.compare(side("4 of 5"), .equal, side("4")))
        #expect(!ClaimCheck.compare(side("diverged"), .less, side("1")))
        #expect(
            ClaimCheck.compare(
                ClaimCheck.parse("relu", isSetting: true), .equal, ClaimCheck.Side(text: "relu", low: .nan, high: .nan, word: "relu")))
        #expect(ClaimSyntax.parse("a.epochs<=b.epochs or c[x=1, y=2].epochs == 3 and d.seeds >= 97.6 %")?.map(\.count) == [1, 2])
        #expect(ClaimSyntax.parse("a.epochs < ") == nil)
        #expect(ClaimSyntax.parse("a.epochs b.epochs") == nil)
    }

    @Test func malformedClaimsAndUnknownReferencesAreCheckErrors() throws {
        let book = try FixtureBook("claims")
        defer { book.remove() }
        try book.edit(Self.chapter) {
            $0.replacingOccurrences(of: "{check}`fast.seeds = 3 and fast.budget > 100`", with: "{check}`fast.seeds <`")
                .replacingOccurrences(of: "{check}`sheet.test-loss-range < 1`", with: "{check}`shet.test-loss < 1`")
                .replacingOccurrences(of: "{check}`fast.test-loss-range >= 0 or fast.epochs > 100000`", with: "{check}`fast.best < relu`")
        }
        let plan = Builder(options: book.options).check()
        #expect(plan.diagnostics.has(.badReference, at: try Self.location(of: "Three seeds", in: book)))
        #expect(plan.diagnostics.has(.unknownReference, at: try Self.location(of: "end below", in: book)))
        #expect(plan.diagnostics.has(.badReference, at: try Self.location(of: "is a loss", in: book)))
        let malformed = try #require(plan.diagnostics.first { $0.id == .badReference && $0.message.contains("cannot read") })
        #expect(malformed.hint?.contains("<=") == true)
    }

    @Test func captionsNameTheSeedsOfEachRow() throws {
        let book = try FixtureBook("claims")
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-claims.html")
        #expect(page.contains("<caption>Seeds 2 and 6, one per row.</caption>"))
        #expect(!page.contains("One seed (2)."))
    }
}
