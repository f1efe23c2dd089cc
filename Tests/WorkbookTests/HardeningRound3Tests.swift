import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 26: what the command line prints from chapters, its flags beside the chapters' rules,
/// and errors that follow from other errors.
@Suite("Hardening, round 3", .serialized)
struct HardeningRound3Tests {
    static let escape = "\u{1B}"

    /// F10: an escape sequence in a chapter (here in a reference that names nothing, an error
    /// that echoes it) is printed escaped, so it cannot clear the screen or set the window title.
    @Test func controlCharactersFromAChapterArePrintedEscaped() throws {
        let book = try HardeningTests.book([
            "01-a.md": HardeningTests.chapter("```{experiment} x\nepochs: 1\n```\n\nSee {ref}`x\u{1B}[2J\u{1B}]0;owned\u{07}`.\n")
        ])
        defer { book.remove() }
        let check = try Labbook.run(["check"], in: book.root)
        #expect(check.status == 1)
        #expect(!check.error.contains(Self.escape) && !check.error.contains("\u{07}"))
        #expect(check.error.contains("x\\u{1B}[2J\\u{1B}]0;owned\\u{7}"), "\(check.error)")
        let build = try Labbook.run(["build"], in: book.root)
        #expect(build.status == 1)
        #expect(!build.error.contains(Self.escape))
        let flag = try Labbook.run(["train", "--dataset", "xor\u{1B}[2J"])
        #expect(flag.status == 2)
        #expect(!flag.error.contains(Self.escape) && flag.error.contains("xor\\u{1B}[2J"), "\(flag.error)")
    }

    @Test func aSeedWithAnEscapeSequenceIsPrintedEscapedByTrain() throws {
        let result = try Labbook.run(["train", "--dataset", "xor", "--epochs", "2", "--seed", "a\u{1B}]0;owned\u{07}b"])
        #expect(result.status == 0)
        #expect(!result.output.contains(Self.escape) && !result.error.contains(Self.escape))
        #expect(result.output.contains("a\\u{1B}]0;owned\\u{7}b"), "\(result.output)")
    }

    /// `resets: 1e1` passes in a chapter; the flag follows the same rule.
    @Test func theResetsFlagFollowsTheChaptersRule() throws {
        #expect(try Labbook.run(["train", "--dataset", "xor", "--epochs", "1", "--resets", "1e1", "--format", "json"]).status == 0)
        #expect(try SettingRules.parse(.resets, "1e1").value(as: Int.self) == 10)
        let wrong = try Labbook.run(["train", "--dataset", "xor", "--epochs", "1", "--resets", "1.5"])
        #expect(wrong.status == 2)
        #expect(wrong.error.contains("--resets:") && wrong.error.contains("whole number"), "\(wrong.error)")
    }

    /// An experiment that cannot be analysed (an unreadable data file, a bad key) has its own
    /// errors; references to it are not reported again as naming nothing.
    @Test func anInvalidExperimentAddsNoErrorsAtItsReferences() throws {
        let book = try HardeningTests.book([
            "01-a.md": HardeningTests.chapter(
                "```{experiment} e\nactivation: relux\nepochs: 1\n```\n\n{value}`e.test-loss`, {value}`e.epochs`, {number}`e.test-accuracy` and {ref}`e`.\n\n{value}`nothing.test-loss`\n"
            )
        ])
        defer { book.remove() }
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        let errors = plan.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("activation: unknown activation 'relux'") })
        #expect(errors.contains { $0.hasPrefix("{value} names 'nothing'") })  // a real unknown ID is still reported
    }

    @Test func aCSVErrorAddsNoErrorsAtTheReferences() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try Data("x1,x2,label\n1,abc,1\n".utf8).write(to: book.chapters.appendingPathComponent("data/points.csv"))
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        let errors = plan.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.description == "Chapters/data/points.csv:2:3: error: x2 'abc' is not a number" })
        #expect(!errors.contains { $0.message.contains("has that ID") }, "\(errors.map(\.line))")
    }

    static func sweep(_ count: Int) -> String {
        "vary:\n  learning-rate: [" + (1...count).map { "0.\(String(format: "%03d", $0))" }.joined(separator: ", ") + "]\n"
    }

    /// F9: 64 combinations × 100 seeds × 101 resets = 646,400 runs is refused at the directive
    /// from the counts alone (no run is built: the experiment is not in the plan).
    @Test func runsThatMultiplyPastTheLimitAreRefusedAtTheDirective() throws {
        let book = try HardeningTests.book([
            "01-a.md": HardeningTests.chapter(
                "```{experiment} big\nseeds: 100\nresets: 100\nepochs: 1\n" + Self.sweep(64) + "```\n\n{value}`big.runs`\n"),
            "02-b.md": HardeningTests.chapter(
                "```{experiment} varied\nseeds: 100\nepochs: 1\nvary:\n  resets: [0, 99]\n  activation: [relu, tanh]\n```\n"),
        ])
        defer { book.remove() }
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        let errors = plan.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(
            errors.contains(
                "Chapters/01-a.md:5:1: error: experiment 'big' makes 646400 runs (64 combinations × 100 seeds × 101 runs per seed (resets: 100)); at most 10000 are allowed"
            ), "\(errors)")
        // resets varied: (1 + 100) × 2 activations × 100 seeds = 20,200.
        #expect(errors.contains { $0.hasPrefix("Chapters/02-b.md:5:1: error: experiment 'varied' makes 20200 runs") }, "\(errors)")
        #expect(errors.count == 2, "\(errors)")
        #expect(plan.experiments["big"] == nil)
    }

    /// F7: a timeline of a sweep draws a row per combination; 64 rows of 12 snapshots were a
    /// figure Cairo could not allocate. Refused at `show` before anything is trained.
    @Test func aTimelineOfTooManyCombinationsIsRefusedAtShow() throws {
        let book = try HardeningTests.book([
            "01-a.md": HardeningTests.chapter(
                "```{experiment} wide\nepochs: 1\nsnapshots: 12\nshow: [boundary-timeline]\n" + Self.sweep(17) + "```\n"),
            "02-b.md": HardeningTests.chapter(
                "```{experiment} fits\nepochs: 1\nsnapshots: 12\nshow: [boundary-timeline]\n" + Self.sweep(16) + "```\n"),
        ])
        defer { book.remove() }
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        let errors = plan.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(
            errors == [
                "Chapters/01-a.md:8:7: error: show: boundary-timeline draws one row per combination; this sweep has 17, at most 16 fit in one figure"
            ])
    }
}
