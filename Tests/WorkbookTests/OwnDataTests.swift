import ChapterMarkdown
import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// An instructor's own points (`dataset: data/points.csv`) and the generators beyond the
/// Playground, in a whole build: trained, drawn, cached by the file's bytes, and every problem
/// reported at the file's line.
@Suite("Own data sets", .serialized)
struct OwnDataTests {
    static let experimentsReadingPoints = ["points", "points-relu"]

    func write(_ text: String, to path: String, in book: FixtureBook) throws {
        try Data(text.utf8).write(to: book.chapters.appendingPathComponent(path))
    }

    func failure(_ book: FixtureBook) throws -> BuildFailure {
        try #require(throws: BuildFailure.self) { try book.build() }
    }

    @Test func aFileExperimentTrainsAndDrawsEveryFigureKind() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        let report = try book.build()
        #expect(report.trainedExperiments == 5)
        let figures = book.output.appendingPathComponent("figures")
        for kind in ["boundary", "data", "network", "loss", "boundary-timeline", "network-timeline", "weights"] {
            #expect(FileManager.default.fileExists(atPath: figures.appendingPathComponent("points-\(kind).png").path), "points-\(kind)")
        }
        let page = try book.page("01-points.html")
        #expect(page.contains("No Playground link: the Playground cannot load an own data set (points.csv)."))
        #expect(page.contains("No Playground link: the Playground cannot generate this data set (moons)."))
        #expect(page.contains("No Playground link: the Playground cannot generate this data set (checkerboard)."))
        #expect(!page.contains("playground.tensorflow.org/#"))
        #expect(page.contains("The test accuracy was ") && page.contains(" %<span class=\"lb-value-rule\"> (median of 2 seeds)</span>"))
        #expect(page.contains("<table"))  // the results table of the two seeds
        #expect(page.contains(SHA256.hex([UInt8](try Data(contentsOf: book.chapters.appendingPathComponent("data/points.csv"))))))
    }

    @Test func theSplitColumnDecidesTheTestSet() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        #expect(plan.diagnostics.filter { $0.severity == .error }.isEmpty)
        let spec = try #require(plan.experiments["split"]?.spec)
        let c = spec.base.configuration
        let rows = try #require(c.pointSet).rows
        let (data, _) = c.makeData(seed: "1")
        let (other, _) = c.makeData(seed: "2")
        #expect(data.test.count == rows.filter { $0.split == .test }.count)
        #expect(Set(data.test.map(\.generationIndex)) == Set(other.test.map(\.generationIndex)))
        #expect(data.train.map(\.generationIndex) != other.train.map(\.generationIndex))  // the shuffle still orders
        // 0/1 labels become −1/1.
        #expect(Set(rows.map(\.label)) == [-1, 1])
    }

    @Test func oneChangedByteRetrainsExactlyTheExperimentsReadingTheFile() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try book.build()
        let file = book.chapters.appendingPathComponent("data/points.csv")
        var bytes = [UInt8](try Data(contentsOf: file))
        // A byte of the comment: the points are the same numbers, the file is not.
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "T")))
        bytes[index] = UInt8(ascii: "t")
        try Data(bytes).write(to: file)
        let report = try book.build()
        #expect(report.trainedExperiments == Self.experimentsReadingPoints.count)
        #expect(report.cachedExperiments == 5 - Self.experimentsReadingPoints.count)
        #expect(report.trainedRuns == 3)  // points: 2 seeds, points-relu: 1
        let again = try book.build()
        #expect(again.trainedExperiments == 0)
    }

    @Test func aMalformedRowIsAnErrorAtTheFilesLineAndOutputStaysAsItWas() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try book.build()
        let before = try FixtureBook.tree(book.output)
        try write("x1,x2,label\n1,2,1\n# a comment\n1.5,abc,-1\n2,2,1\n-2,-2,-1\n", to: "data/points.csv", in: book)
        let failure = try failure(book)
        let error = try #require(failure.diagnostics.first { $0.severity == .error && $0.location?.file == "Chapters/data/points.csv" })
        #expect(error.description == "Chapters/data/points.csv:4:5: error: x2 'abc' is not a number")
        #expect(error.hint?.contains("a number such as") == true)
        #expect(try FixtureBook.tree(book.output) == before)
        // Reported once, though two experiments read the file; the second says where it uses it.
        #expect(failure.diagnostics.count { $0.location?.file == "Chapters/data/points.csv" } == 1)
        #expect(
            failure.diagnostics.contains {
                $0.location?.file == "Chapters/01-points.md"
                    && $0.message == "dataset: data/points.csv cannot be used; its problems are reported above"
            })
    }

    @Test(
        "bad files name the line and what would be valid",
        arguments: [
            ("x1,x2\n1,1\n", "Chapters/data/points.csv:1:1", DiagnosticID.pointFileHeader),
            ("x1,x2,colour\n1,1,1\n", "Chapters/data/points.csv:1:7", DiagnosticID.pointFileHeader),
            ("x1,x2,label\n1,1,1\n2,2\n", "Chapters/data/points.csv:3:1", DiagnosticID.pointFileRow),
            ("x1,x2,label\n1,1,1\n7.5,1,-1\n", "Chapters/data/points.csv:3:1", DiagnosticID.badValue),
            ("x1,x2,label\n1,1,1\n2,2,0\n3,3,-1\n", "Chapters/data/points.csv:3:5", DiagnosticID.badLabels),
            ("x1,x2,label\n1,1,1\n2,2,1\n", "Chapters/data/points.csv:2:5", DiagnosticID.badLabels),
            ("x1,x2,label,split\n1,1,1,train\n2,2,-1,validate\n", "Chapters/data/points.csv:3:8", DiagnosticID.badValue),
            ("x1,x2,label,split\n1,1,1,train\n2,2,-1,train\n", "Chapters/data/points.csv:3:1", DiagnosticID.tooFewPoints),
        ])
    func badFiles(text: String, location: String, id: DiagnosticID) throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try write(text, to: "data/points.csv", in: book)
        let failure = try failure(book)
        #expect(failure.diagnostics.has(id, at: location), "\(failure.description)")
        #expect(failure.diagnostics.first { $0.location?.file == "Chapters/data/points.csv" }?.hint?.isEmpty == false)
    }

    @Test func rescaleShrinksPointsIntoThePlaneWithANote() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try write("x1,x2,label\n12,0,1\n-12,3,-1\n6,6,1\n-6,-6,-1\n", to: "data/points.csv", in: book)
        try book.edit("01-points.md") { $0.replacingOccurrences(of: "seeds: 2\nbatch-size: 5\n", with: "rescale: true\nbatch-size: 1\n") }
        try book.edit("01-points.md") { $0.replacingOccurrences(of: "activation: relu\n", with: "activation: relu\nrescale: true\n") }
        try book.edit("01-points.md") {
            $0.replacingOccurrences(of: "epochs: 20\nbatch-size: 5\nshow: [boundary]", with: "epochs: 20\nbatch-size: 1\nshow: [boundary]")
        }
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        #expect(plan.diagnostics.filter { $0.severity == .error }.isEmpty, "\(plan.diagnostics)")
        let rows = try #require(plan.experiments["points"]?.spec.base.configuration.pointSet?.rows)
        #expect(rows.map(\.x) == [6, -6, 3, -3])
        #expect(rows.map(\.y) == [0, 1.5, 3, -3])
        #expect(
            plan.diagnostics.contains {
                $0.severity == .warning && $0.id == .beyondPlayground && $0.message.contains("multiplied by 0.5")
            })
    }

    @Test("paths must stay inside the book", arguments: ["../../secret.csv", "/etc/points.csv", "../Chapters/../../x.csv"])
    func pathsOutsideTheBookAreRefused(path: String) throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try book.edit("01-points.md") { $0.replacingOccurrences(of: "dataset: data/split.csv", with: "dataset: \(path)") }
        let failure = try failure(book)
        let error = try #require(failure.diagnostics.first { $0.severity == .error })
        #expect(error.location?.file == "Chapters/01-points.md")
        #expect(error.id == .badValue)
        #expect(error.hint?.contains("a path relative to Chapters/") == true)
    }

    @Test func aPathInsideTheBookButBesideTheChaptersIsRead() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try FileManager.default.createDirectory(at: book.root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: book.chapters.appendingPathComponent("data/split.csv"), to: book.root.appendingPathComponent("data/split.csv"))
        try book.edit("01-points.md") { $0.replacingOccurrences(of: "dataset: data/split.csv", with: "dataset: ../data/split.csv") }
        let plan = BookLoader.load(chaptersFolder: book.chapters, displayPrefix: "Chapters/")
        #expect(plan.diagnostics.filter { $0.severity == .error }.isEmpty, "\(plan.diagnostics)")
        #expect(plan.experiments["split"]?.spec.base.configuration.pointSet?.path == "../data/split.csv")
    }

    @Test func aMissingFileIsAnErrorAtTheChapter() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try book.edit("01-points.md") { $0.replacingOccurrences(of: "dataset: data/split.csv", with: "dataset: data/nothing.csv") }
        let failure = try failure(book)
        #expect(
            failure.diagnostics.contains {
                $0.description.hasPrefix("Chapters/01-points.md:") && $0.message == "dataset: no file Chapters/data/nothing.csv"
            })
    }

    @Test func playgroundHideWritesTheKeysAndUnknownNamesListTheValidOnes() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try book.edit("01-points.md") {
            $0
                + "\n```{experiment} locked\ndataset: xor\nhidden: [2]\nepochs: 5\nplayground-hide: [learningRate, text]\nshow: [boundary]\n```\n"
        }
        try book.build()
        let page = try book.page("01-points.html")
        #expect(page.contains("hideText=true&amp;learningRate_hide=true\""))
        try book.edit("01-points.md") {
            $0.replacingOccurrences(of: "playground-hide: [learningRate, text]", with: "playground-hide: [learningRate, learnRate]")
        }
        let failure = try failure(book)
        let error = try #require(failure.diagnostics.first { $0.severity == .error })
        #expect(error.description.hasPrefix("Chapters/01-points.md:"))
        #expect(error.message == "playground-hide: the Playground has no control 'learnRate'")
        #expect(error.hint?.hasPrefix("did you mean 'learningRate'? valid: showTestData, discretize, playButton") == true)
        #expect(error.hint?.hasSuffix("setup, regularization-controls, text") == true)
    }

    @Test func cellsBelongToTheCheckerboard() throws {
        let book = try FixtureBook("owndata")
        defer { book.remove() }
        try book.edit("01-points.md") { $0.replacingOccurrences(of: "dataset: moons\n", with: "dataset: moons\ncells: 3\n") }
        let failure = try failure(book)
        #expect(failure.diagnostics.contains { $0.message == "cells: 3 cells only apply to dataset: checkerboard" })
    }
}

/// `labbook train` knows the new generators too.
@Suite("Own data sets on the command line")
struct OwnDataCommandLineTests {
    @Test func trainRunsTheNewGeneratorsAndSaysWhyThereIsNoLink() throws {
        let result = try Labbook.run(["train", "--dataset", "checkerboard", "--cells", "3", "--hidden", "4", "--epochs", "5"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("checkerboard 3×3 · x1, x2 · hidden 4"))
        #expect(result.output.contains("Playground: no link; the Playground cannot generate this data set (checkerboard)"))
        let moons = try Labbook.run(["train", "--dataset", "moons", "--epochs", "3", "--format", "json"])
        #expect(moons.status == 0)
        #expect(moons.output.contains("\"playgroundUrl\":null") || moons.output.contains("\"playgroundUrl\": null"))
        let wrong = try Labbook.run(["train", "--dataset", "moons", "--cells", "3"])
        #expect(wrong.status == 2)
        #expect(wrong.error.contains("3 cells only apply to dataset: checkerboard"))
    }
}
